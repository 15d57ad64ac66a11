import { ParseUUIDPipe, type ArgumentMetadata } from '@nestjs/common';

/**
 * Nest's `ParseUUIDPipe`, answering the id lower-cased. Postgres compares `uuid` values whatever
 * their case, but TypeORM matches a loaded entity to the one being saved by comparing the ids as
 * strings: an upper-case id in the path made `save()` insert a row that already existed (a unique
 * violation, answered 500; found by the fuzz suite). Every path id goes through this pipe.
 */
export class UuidPipe extends ParseUUIDPipe {
  override async transform(value: string, metadata: ArgumentMetadata): Promise<string> {
    const id: string | undefined | null = await super.transform(value, metadata);
    return typeof id === 'string' ? id.toLowerCase() : (id as unknown as string);
  }
}
