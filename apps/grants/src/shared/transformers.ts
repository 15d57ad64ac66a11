import type { ValueTransformer } from 'typeorm';

/** `numeric` columns holding exact scores (wholes and halves) as JS numbers. */
export const scoreTransformer: ValueTransformer = {
  to: (value: number | null | undefined) =>
    value === null || value === undefined ? value : String(value),
  from: (value: string | null | undefined) =>
    value === null || value === undefined ? null : Number(value),
};

/** `date` columns as 'YYYY-MM-DD' strings (pg returns them as strings when told to). */
export const dateTransformer: ValueTransformer = {
  to: (value: string | null | undefined) => value,
  from: (value: unknown) => {
    if (value === null || value === undefined) return null;
    if (value instanceof Date) {
      const y = value.getFullYear();
      const m = String(value.getMonth() + 1).padStart(2, '0');
      const d = String(value.getDate()).padStart(2, '0');
      return `${y}-${m}-${d}`;
    }
    return String(value).slice(0, 10);
  },
};
