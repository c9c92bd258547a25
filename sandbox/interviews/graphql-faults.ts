import { z } from "zod";
import { API_ERROR_CODES } from "./api-error";

/** A fault injected into GraphQL calls, by operation name (`*` for every operation). */
export const graphqlFaultSchema = z
  .object({
    operationName: z.string().min(1).max(100),
    code: z.enum(API_ERROR_CODES as [string, ...string[]]).optional(),
    /** Fail this many calls, then the fault is removed. */
    count: z.number().int().min(1).max(100_000).optional(),
    /** Fail this share of calls (0 to 1); with `count`, of that many calls, else until deleted. */
    rate: z.number().min(0).max(1).optional(),
    latencyMs: z.number().int().min(0).max(120_000).optional(),
    /** `apply-then-fail`: run the operation (a mutation is stored), then answer with the error. */
    mode: z.enum(["fail", "apply-then-fail"]).default("fail"),
  })
  .refine(
    (f) => f.code !== undefined || f.latencyMs !== undefined,
    "Give a code, a latencyMs, or both",
  );

export type GraphqlFault = z.infer<typeof graphqlFaultSchema>;

export interface FaultDecision {
  latencyMs: number;
  /** The code to answer with, or null to answer normally. */
  failWith: string | null;
  applyFirst: boolean;
}

export class GraphqlFaults {
  private faults = new Map<string, GraphqlFault & { remaining: number | null }>();

  set(fault: GraphqlFault): void {
    // A code with neither count nor rate fails the next call only.
    const remaining =
      fault.count ?? (fault.code !== undefined && fault.rate === undefined ? 1 : null);
    this.faults.set(fault.operationName, { ...fault, remaining });
  }

  delete(operationName?: string): void {
    if (operationName === undefined) this.faults.clear();
    else this.faults.delete(operationName);
  }

  list(): (GraphqlFault & { remaining: number | null })[] {
    return [...this.faults.values()];
  }

  /** What to do with this call; counts it against the fault. */
  take(operationName: string | null): FaultDecision | null {
    const key = operationName !== null && this.faults.has(operationName) ? operationName : "*";
    const fault = this.faults.get(key);
    if (!fault) return null;
    let failWith: string | null = null;
    if (fault.code !== undefined) {
      failWith = fault.rate === undefined || Math.random() < fault.rate ? fault.code : null;
    }
    if (fault.remaining !== null && --fault.remaining <= 0) this.faults.delete(key);
    return {
      latencyMs: fault.latencyMs ?? 0,
      failWith,
      applyFirst: fault.mode === "apply-then-fail",
    };
  }
}
