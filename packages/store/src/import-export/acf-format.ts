import { z } from 'zod';

// ai-chatbot-framework's bot export, as its `examples/*.json` have it. Lenient where
// ACF itself is (missing arrays, null apiDetails), strict where Parley needs data.

const ZAcfEntitySpan = z.object({
  name: z.string(),
  value: z.string(),
  begin: z.number().int(),
  end: z.number().int(),
});

export const ZAcfIntent = z.object({
  name: z.string().min(1),
  intentId: z.string().min(1),
  userDefined: z.boolean().default(true),
  speechResponse: z.string().default(''),
  apiTrigger: z.boolean().default(false),
  apiDetails: z
    .object({
      url: z.string().min(1),
      requestType: z.string().default('GET'),
      headers: z.array(z.object({ headerKey: z.string(), headerValue: z.string() })).default([]),
      isJson: z.boolean().default(false),
      jsonData: z.string().nullable().default(''),
    })
    .nullable()
    .optional(),
  parameters: z
    .array(
      z.object({
        name: z.string().min(1),
        type: z.string().optional(),
        required: z.boolean().default(false),
        prompt: z.string().nullable().default(''),
      }),
    )
    .default([]),
  trainingData: z
    .array(z.object({ text: z.string(), entities: z.array(ZAcfEntitySpan).default([]) }))
    .default([]),
});

export const ZAcfBot = z.object({
  intents: z.array(ZAcfIntent),
  entities: z
    .array(
      z.object({
        name: z.string().min(1),
        entity_values: z
          .array(z.object({ value: z.string(), synonyms: z.array(z.string()).default([]) }))
          .default([]),
      }),
    )
    .default([]),
});
export type AcfBot = z.infer<typeof ZAcfBot>;
export type AcfIntent = z.infer<typeof ZAcfIntent>;
