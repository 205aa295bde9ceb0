// Scans each PATH of HOST with the MDN HTTP Observatory and prints {path: {grade, score, tests: {test: result}}} (bench/http/observatory.sh).
import { scan } from "@mdn/mdn-http-observatory";
const [host, httpPort, httpsPort, ...paths] = process.argv.slice(2);
const out = {};
for (const path of paths) {
  const r = await scan(host, { httpPort, httpsPort, path });
  out[path] = { grade: r.scan.grade, score: r.scan.score, tests: Object.fromEntries(Object.entries(r.tests).map(([k, v]) => [k, v.result])) };
}
console.log(JSON.stringify(out));
