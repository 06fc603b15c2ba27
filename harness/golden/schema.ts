import { z } from 'zod';

const stepSchema = z
  .object({
    service: z.enum(['cognito-idp', 'cognito-identity', 'sts', 'iam', 's3']),
    operation: z.string().min(1),
    input: z.unknown(),
    output: z.unknown().optional(),
    error: z
      .object({ name: z.string().min(1), httpStatus: z.number().int().optional(), fault: z.string().optional(), message: z.string() })
      .strict()
      .optional(),
    httpStatus: z.number().int().optional(),
    facts: z.record(z.string(), z.number()).optional(),
  })
  .strict();

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD');

/** The golden file (DESIGN.md § The golden file), validated on write and on read. */
export const goldenSchema = z
  .object({
    case: z.object({ id: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/), suite: z.string().min(1), title: z.string() }).strict(),
    provenance: z
      .object({
        target: z.string().min(1),
        targetKind: z.enum(['aws', 'emulator']),
        targetVersion: z.string().optional(),
        region: z.string().min(1),
        recordedAt: isoDay,
        lastValidatedAt: isoDay,
        harnessVersion: z.string(),
        sdkVersions: z.record(z.string(), z.string()),
      })
      .strict()
      .refine((p) => (p.target === 'aws') === (p.targetKind === 'aws'), {
        message: "only a recording made on real AWS may be labelled 'aws', and it must be",
      }),
    steps: z.array(stepSchema),
  })
  .strict();

export type GoldenFile = z.infer<typeof goldenSchema>;

/** `fixtures/deviations/<target>.json`: known, reasoned departures of a target. */
export const deviationsSchema = z
  .object({
    target: z.string().min(1),
    deviations: z.array(
      z
        .object({
          case: z.string().min(1),
          paths: z.array(z.string().min(1)).min(1),
          reason: z.string().min(10, 'a reason a reader can act on (10 characters at least)'),
        })
        .strict(),
    ),
  })
  .strict();

export type DeviationsFile = z.infer<typeof deviationsSchema>;
