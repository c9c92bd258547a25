import { initGraphQLTada } from "gql.tada";
import type { introspection } from "./graphql-env";

/**
 * gql.tada over the Interview API schema (lib/indeed/schema.graphql → graphql-env.d.ts, made by
 * `gql.tada generate output`; `npm run typecheck` regenerates and checks it). Fragments are not
 * masked: the UI reads event fields directly.
 */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { DateTime: string; ID: string };
  disableMasking: true;
}>();

export type { ResultOf, VariablesOf } from "gql.tada";
