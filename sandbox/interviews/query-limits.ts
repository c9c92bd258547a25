import {
  GraphQLError,
  Kind,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ASTVisitor,
} from "graphql";

/** The guide's deepest read (GetEvent) nests 10 levels; anything far deeper is abuse. */
export const MAX_QUERY_DEPTH = 12;
/** Field selections per operation, counted after expanding fragments. */
export const MAX_QUERY_FIELDS = 500;

/**
 * Refuses operations nested deeper than MAX_QUERY_DEPTH or selecting more than MAX_QUERY_FIELDS
 * fields (aliases make a short document expensive), and introspection, which Indeed's
 * gateway does not serve to integrators.
 */
export function queryLimitsRule(context: ValidationContext): ASTVisitor {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of context.getDocument().definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }
  return {
    Field(node) {
      if (node.name.value === "__schema" || node.name.value === "__type") {
        context.reportError(
          new GraphQLError(
            "Introspection is not available on this API; use the published schema.",
            {
              nodes: node,
              extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
            },
          ),
        );
      }
    },
    OperationDefinition(node) {
      const measure = { fields: 0, depth: 0 };
      walk(node.selectionSet, 1, measure, fragments, new Set());
      if (measure.depth > MAX_QUERY_DEPTH) {
        context.reportError(
          new GraphQLError(
            `The operation is nested ${measure.depth} levels deep; at most ${MAX_QUERY_DEPTH} are allowed.`,
            {
              nodes: node,
              extensions: { code: "BAD_USER_INPUT" },
            },
          ),
        );
      } else if (measure.fields > MAX_QUERY_FIELDS) {
        context.reportError(
          new GraphQLError(`The operation selects more than ${MAX_QUERY_FIELDS} fields.`, {
            nodes: node,
            extensions: { code: "BAD_USER_INPUT" },
          }),
        );
      }
    },
  };
}

function walk(
  selectionSet: SelectionSetNode,
  depth: number,
  measure: { fields: number; depth: number },
  fragments: Map<string, FragmentDefinitionNode>,
  visiting: Set<string>,
): void {
  // Stop early: the answer is already "too big", and cycles or huge fan-outs stay cheap.
  if (measure.depth > MAX_QUERY_DEPTH || measure.fields > MAX_QUERY_FIELDS) return;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      measure.fields++;
      measure.depth = Math.max(measure.depth, depth);
      if (selection.selectionSet)
        walk(selection.selectionSet, depth + 1, measure, fragments, visiting);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      walk(selection.selectionSet, depth, measure, fragments, visiting);
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (!fragment || visiting.has(name)) continue;
      visiting.add(name);
      walk(fragment.selectionSet, depth, measure, fragments, visiting);
      visiting.delete(name);
    }
  }
}
