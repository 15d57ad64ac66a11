import { Module } from '@nestjs/common';
import { EvaluatorDirectoryController } from './evaluator-directory.controller.js';
import { FindEvaluator } from './use-cases/find-evaluator/find-evaluator.use-case.js';

/** Evaluator accounts found by e-mail, for staff naming a call's committee (the pool). */
@Module({ controllers: [EvaluatorDirectoryController], providers: [FindEvaluator] })
export class EvaluatorDirectoryModule {}
