/**
 * Types of the shared zod contracts through the Standard Schema interface every zod schema carries,
 * so request bodies here are exactly what the server parses.
 */
type StandardSchema = {
  readonly '~standard': { readonly types?: { readonly input: unknown; readonly output: unknown } };
};

/** What parsing a value with the schema gives (defaults applied): the body we send. */
export type SchemaOutput<S extends StandardSchema> = NonNullable<S['~standard']['types']>['output'];

export type Option<V = string> = { value: V; label: string };
