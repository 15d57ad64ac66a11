import { Module } from '@nestjs/common';

/** The evaluator’s pages (/ocena): assignments, declaration, read-only application, scoring. */
@Module({ controllers: [] })
export class EvaluationModule {}
