import { CENTRE_SETTING } from './centre-scope.js';

/**
 * The row-level policy of a table holding a centre's data (docs/tenancy.md#row-level-security): a
 * row is visible, and may be written, only when its `centre_id` is one of the centres the
 * transaction's connection was given in `owes.centres`, or when that setting is `*`. An unset or
 * empty setting sees nothing: a forgotten scope fails closed. FORCE makes the policy bind the
 * table's owner too — the service's own role, which is the role the service connects as.
 */
// '*' is kept out of the uuid[] cast (NULLIF): SQL does not promise to skip the right side of OR.
export const CENTRE_VISIBLE = (column = 'centre_id') =>
  `(current_setting('${CENTRE_SETTING}', true) = '*' OR ${column} = ANY (string_to_array(NULLIF(NULLIF(current_setting('${CENTRE_SETTING}', true), ''), '*'), ',')::uuid[]))`;

/** Statements that put the wall on `table` (schema-qualified); safe to run again. */
export function centreWallStatements(table: string, column = 'centre_id'): string[] {
  const visible = CENTRE_VISIBLE(column);
  return [
    `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
    `ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`,
    `DROP POLICY IF EXISTS centre_wall ON ${table}`,
    `CREATE POLICY centre_wall ON ${table} USING ${visible} WITH CHECK ${visible}`,
  ];
}

/** Statements that take the wall off `table` again (a migration's `down`). */
export function centreWallDownStatements(table: string): string[] {
  return [
    `DROP POLICY IF EXISTS centre_wall ON ${table}`,
    `ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`,
    `ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`,
  ];
}

/**
 * A trigger that fills `centre_id` of a new row from its parent row when the insert did not give
 * one (an award from its call, an evaluation from its application), so the code that inserts a
 * child need not repeat what its parent already says. The parent is read under the same policy:
 * a parent of another centre is invisible, the centre stays null and the NOT NULL column refuses
 * the row. Returns the statements creating the function and the trigger.
 */
export function centreFromParentStatements(
  table: string,
  parentTable: string,
  foreignKey: string,
  parentKey = 'id',
): string[] {
  const [schema, name] = table.split('.');
  const fn = `${schema}.${name}_centre_from_parent`;
  return [
    `CREATE OR REPLACE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.centre_id IS NULL THEN
    SELECT p.centre_id INTO NEW.centre_id FROM ${parentTable} p WHERE p.${parentKey} = NEW.${foreignKey};
  END IF;
  RETURN NEW;
END $$`,
    `DROP TRIGGER IF EXISTS ${name}_centre_from_parent ON ${table}`,
    `CREATE TRIGGER ${name}_centre_from_parent BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION ${fn}()`,
  ];
}
