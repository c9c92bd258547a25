// `node --import ./scripts/allow-server-only.mjs`: lets command-line scripts (benchmarks) load
// the app's server modules. `server-only` throws outside Next's server bundles; here it is the
// empty module it is inside them. React keeps its normal build, unlike `--conditions react-server`.
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(
      `export async function resolve(specifier, context, next) {
        if (specifier === "server-only") return { url: "data:text/javascript,export{}", shortCircuit: true };
        return next(specifier, context);
      }`,
    ),
  import.meta.url,
);
