import { Module } from '@nestjs/common';
import { EvaluationController } from './evaluation.controller.js';
import { EvaluationDrafts } from './evaluation-drafts.js';

/** The evaluator’s pages (/ocena): assignments, declaration, read-only application, scoring. */
@Module({ controllers: [EvaluationController], providers: [EvaluationDrafts] })
export class EvaluationModule {}
