import { tokenService } from "@/lib/auth/tokens";
import { config } from "@/lib/config";
import { databaseHandle } from "@/lib/db/client";

// `npm run keys:rotate`: re-encrypts every stored Indeed token under the current key, the first
// of TOKEN_ENCRYPTION_KEYS, so the older keys can then be dropped from the list. Rows that no
// key decrypts are marked for reconnecting (their users see "Reconnect to Indeed") and listed.
const handle = databaseHandle();
try {
  const current = config().tokenKeys[0].id;
  const report = await tokenService().rotateKeys();
  console.log(`Token key rotation (${handle.kind}), current key "${current}":`);
  console.log(`  re-encrypted:      ${report.reencrypted}`);
  console.log(`  already current:   ${report.alreadyCurrent}`);
  console.log(`  could not decrypt: ${report.reconnect.length} (marked for reconnect)`);
  for (const connectionId of report.reconnect) console.log(`    connection ${connectionId}`);
} finally {
  await handle.close();
}
