/** Zod field types shared by the CSV schemas. */
import { z } from 'zod';

/** A list written in one cell, separated by ";" ("health;education"), as an array of trimmed values. */
export const semicolonList = z
  .string()
  .default('')
  .transform((v) =>
    v
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean),
  );

/** A lower-case id with hyphens, such as "mental-health". */
export const kebabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a lower-case id with hyphens, such as "mental-health"');
