import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';

/**
 * Nest turns an error thrown by an event handler into a generic `{ status: 'error' }` object;
 * the JetStream transport needs the error itself (its class decides retry or dead letter, its
 * message goes into the dead-letter row), so this filter hands it through unchanged.
 */
@Catch()
export class RpcPassThroughFilter implements RpcExceptionFilter {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}
