import type { DataSource } from 'typeorm';
import { CENTRE_SETTING, CentreScope } from './centre-scope.js';

interface PgClient {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

type Obtain = () => Promise<[PgClient, (error?: unknown) => void]>;

/** What each pooled connection was last told, so an unchanged scope costs no round trip. */
const lastSetting = new WeakMap<object, string>();

/**
 * Gives every connection the data source hands out the centre scope of the code that asked for it
 * (docs/tenancy.md#row-level-security). TypeORM takes a pooled connection for each query runner —
 * one per transaction, or per statement outside one — through the driver's
 * `obtainMasterConnection`; this wraps that one method of this one data source, so the scope is
 * set before the first statement of every transaction, from the AsyncLocalStorage context of the
 * request, message or worker pass. It is a session setting (`set_config(…, false)`) made outside
 * any transaction: it cannot be rolled back, and the next borrower overwrites it.
 *
 * TypeORM has no hook for "a connection was acquired" (its subscribers see entities, not
 * connections), hence the wrap.
 */
export function installCentreScope(dataSource: DataSource): void {
  const driver = dataSource.driver as unknown as { obtainMasterConnection: Obtain };
  const obtain = driver.obtainMasterConnection.bind(driver);
  driver.obtainMasterConnection = async () => {
    const [client, release] = await obtain();
    const setting = CentreScope.setting(CentreScope.current());
    if (lastSetting.get(client) !== setting) {
      try {
        await client.query('SELECT set_config($1, $2, false)', [CENTRE_SETTING, setting]);
      } catch (error) {
        // A connection that cannot take the setting is not given out (nor back to the pool).
        release(error instanceof Error ? error : new Error(String(error)));
        throw error;
      }
      lastSetting.set(client, setting);
    }
    return [client, release];
  };
}
