// Verifies a delivery that WebhooksIT wrote to target/webhook-sample.json with the npm implementation of Standard
// Webhooks (another code base than the Java library that signed it):
//   npm install standardwebhooks && node src/test/node/verify-webhook.mjs target/webhook-sample.json
import { Webhook } from "standardwebhooks";
import { readFileSync } from "node:fs";

const sample = JSON.parse(readFileSync(process.argv[2], "utf8"));
// As at the moment it was received: the library refuses timestamps more than 5 minutes off its clock.
const received = Number(sample.headers["webhook-timestamp"]) * 1000;
Date.now = () => received;
const webhook = new Webhook(sample.secret);
const event = webhook.verify(sample.body, sample.headers);
console.log("verified:", event.type, event.id);
try {
  webhook.verify(sample.body.replace("}", " }"), sample.headers);
  console.log("a tampered body was accepted");
  process.exit(1);
} catch (e) {
  console.log("a tampered body is refused:", e.message);
}
