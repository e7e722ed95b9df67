import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/**
 * A reverse proxy that ends TLS in front of an e2e app server, as operators run Inzage:
 * Debian's nginx (`apt-get install nginx`) with a self-signed certificate made now for
 * localhost and *.localhost, in a temporary directory, in the foreground as this script's
 * child. NGINX_PORT is where it answers over https, UPSTREAM_PORT the app's server behind
 * it, which it sends Host, X-Forwarded-Proto, X-Forwarded-For and X-Forwarded-Host.
 */
const port = Number(process.env.NGINX_PORT);
const upstream = Number(process.env.UPSTREAM_PORT);
if (!port || !upstream) throw new Error("NGINX_PORT and UPSTREAM_PORT must be set");
const nginx = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((file) => existsSync(file));
if (!nginx) throw new Error("nginx is not installed: apt-get install -y nginx");

const dir = await mkdtemp(path.join(os.tmpdir(), "inzage-nginx-"));
const file = (name: string) => path.join(dir, name);
execFileSync("openssl", [
  "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
  "-addext", "subjectAltName=DNS:localhost,DNS:*.localhost",
  "-keyout", file("key.pem"), "-out", file("cert.pem"),
], { stdio: "ignore" });

const ipv6 = Object.values(os.networkInterfaces()).some((addresses) => addresses?.some((a) => a.address === "::1"));
const listen = [`listen 127.0.0.1:${port} ssl;`, ...(ipv6 ? [`listen [::1]:${port} ssl;`] : [])];
await writeFile(
  file("nginx.conf"),
  `# Written by scripts/e2e-nginx.ts for one test run.
${process.getuid?.() === 0 ? "user root;" : ""}
daemon off;
worker_processes 1;
pid ${file("nginx.pid")};
error_log stderr warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${file("body")};
  proxy_temp_path ${file("proxy")};
  fastcgi_temp_path ${file("fastcgi")};
  uwsgi_temp_path ${file("uwsgi")};
  scgi_temp_path ${file("scgi")};
  client_max_body_size 20m;
  server {
    ${listen.join("\n    ")}
    server_name localhost *.localhost;
    ssl_certificate ${file("cert.pem")};
    ssl_certificate_key ${file("key.pem")};
    location / {
      proxy_pass http://127.0.0.1:${upstream};
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-Host $http_host;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_buffering off;
    }
  }
}
`,
);

const child = spawn(nginx, ["-e", "stderr", "-p", dir, "-c", file("nginx.conf")], { stdio: "inherit" });
console.log(`nginx on https://localhost:${port} -> http://127.0.0.1:${upstream}`);
const cleanUp = () => rm(dir, { recursive: true, force: true });
child.on("exit", async (code) => {
  await cleanUp();
  process.exit(code ?? 0);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill("SIGQUIT"));
