import pg from 'pg';
import { QueryFailedError, TypeORMError } from 'typeorm';
import {
  ClosedConnectionError,
  ConnectionError,
  DrainingConnectionError,
  TimeoutError,
} from '@nats-io/transport-node';
import { DependencyUnavailableError, unavailableDependency } from './dependency-errors.js';

/** A Postgres server error as `pg` gives it (pg-protocol's DatabaseError) with a SQLSTATE. */
function pgError(code: string, message = 'server error'): Error {
  const error = new pg.DatabaseError(message, message.length, 'error');
  error.code = code;
  return error;
}

/** A socket error as Node gives it to `pg` when connecting. */
function socketError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), {
    code,
    errno: -111,
    syscall: 'connect',
    address: '127.0.0.1',
    port: 5432,
  });
}

/** What TypeORM throws for a query that failed on the server or on a broken connection. */
const queryFailed = (driverError: Error) =>
  new QueryFailedError('SELECT 1 FROM x WHERE id = $1', ['secret'], driverError);

describe('which errors mean a dependency is away (503, not 500): docs/runbook.md#health-and-logs', () => {
  describe('the database', () => {
    it.each([
      ['08006 connection failure', '08006'],
      ['08001 cannot establish a connection', '08001'],
      ['08P01 protocol violation (class 08)', '08P01'],
      ['57P01 the server was shut down by the administrator', '57P01'],
      ['57P02 crash shutdown', '57P02'],
      ['57P03 the server is starting up or shutting down', '57P03'],
      ['53300 too many connections', '53300'],
    ])('is unavailable on SQLSTATE %s, raw or wrapped by TypeORM', (_, code) => {
      expect(unavailableDependency(pgError(code))).toBe('database');
      expect(unavailableDependency(queryFailed(pgError(code)))).toBe('database');
    });

    it.each(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE'])(
      'is unavailable when the socket fails with %s',
      (code) => {
        expect(unavailableDependency(socketError(code))).toBe('database');
      },
    );

    it('is unavailable when "localhost" resolves to two addresses that both refuse (AggregateError)', () => {
      const aggregate = Object.assign(
        new AggregateError([socketError('ECONNREFUSED'), socketError('ECONNREFUSED')], ''),
        { code: 'ECONNREFUSED' },
      );
      expect(unavailableDependency(aggregate)).toBe('database');
      expect(unavailableDependency(new AggregateError([socketError('ECONNREFUSED')], 'x'))).toBe(
        'database',
      );
    });

    it.each([
      'Connection terminated unexpectedly',
      'Connection terminated',
      'Connection terminated due to connection timeout',
      'timeout exceeded when trying to connect',
      'Client has encountered a connection error and is not queryable',
    ])('is unavailable on pg / pg-pool\'s "%s"', (message) => {
      expect(unavailableDependency(new Error(message))).toBe('database');
      expect(unavailableDependency(queryFailed(new Error(message)))).toBe('database');
    });

    it("follows pg-pool's cause: a connection timeout wrapping the socket error", () => {
      const error = new Error('outer', { cause: socketError('ETIMEDOUT') });
      expect(unavailableDependency(error)).toBe('database');
    });

    it.each([
      ['23505 unique violation', '23505'],
      ['22P02 invalid input syntax', '22P02'],
      ['40001 serialization failure', '40001'],
      ['57014 statement cancelled', '57014'],
      ['53100 disk full', '53100'],
      ['42P01 undefined table', '42P01'],
    ])('is not the answer for a query that failed on its own: %s', (_, code) => {
      expect(unavailableDependency(queryFailed(pgError(code)))).toBeUndefined();
    });
  });

  describe('NATS', () => {
    it.each([
      ['closed', new ClosedConnectionError()],
      ['draining', new DrainingConnectionError()],
      ['a connection error', new ConnectionError('connection refused')],
    ])('is unavailable when the connection is %s', (_, error) => {
      expect(unavailableDependency(error)).toBe('nats');
    });

    it('is unavailable when code knows it is not connected', () => {
      expect(unavailableDependency(new DependencyUnavailableError('nats', 'down'))).toBe('nats');
      expect(
        unavailableDependency(new Error('publish failed', { cause: new ClosedConnectionError() })),
      ).toBe('nats');
    });

    it('is not assumed from a bare timeout, which may be anything slow', () => {
      expect(unavailableDependency(new TimeoutError())).toBeUndefined();
    });
  });

  describe('everything else stays a 500', () => {
    it.each([
      ['a plain error', new Error('Cannot read properties of undefined')],
      ['a TypeORM error', new TypeORMError('Entity metadata for X#y was not found')],
      ['a string', 'oops'],
      ['undefined', undefined],
      ['null', null],
      ['a number', 42],
    ])('%s', (_, error) => {
      expect(unavailableDependency(error)).toBeUndefined();
    });

    it('a failed HTTP call (e.g. a JWKS fetch) is not taken for the database', () => {
      const fetchFailed = new TypeError('fetch failed', { cause: socketError('ECONNREFUSED') });
      expect(unavailableDependency(fetchFailed)).toBeUndefined();
    });

    it('a cycle of causes ends', () => {
      const a = new Error('a') as Error & { cause?: unknown };
      const b = new Error('b', { cause: a });
      a.cause = b;
      expect(unavailableDependency(a)).toBeUndefined();
    });
  });
});
