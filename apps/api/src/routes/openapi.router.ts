import { Router } from 'express';
import type { OpenApiRegistry } from '../openapi/openapi-registry.js';

const DOCS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Parley API</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#222}
h2{margin-top:2rem;border-bottom:1px solid #ddd}code{background:#f4f4f4;padding:0 .3em;border-radius:3px}
.op{margin:.4rem 0}.m{display:inline-block;width:4.5em;font-weight:600;text-transform:uppercase}
.role{color:#777;font-size:.85em}</style></head>
<body><h1>Parley API</h1><p>Machine-readable: <a href="/api/v1/openapi.json"><code>/api/v1/openapi.json</code></a> (OpenAPI 3.1).
Admin routes need <code>Authorization: Bearer &lt;API key or login token&gt;</code>.</p><div id="ops">Loading…</div>
<script>
fetch('/api/v1/openapi.json').then(r=>r.json()).then(doc=>{
  const byTag={};
  for(const [path,ops] of Object.entries(doc.paths))for(const [method,op] of Object.entries(ops)){
    (byTag[op.tags[0]]??=[]).push({path,method,op});}
  const el=document.getElementById('ops');el.textContent='';
  for(const [tag,ops] of Object.entries(byTag)){
    const h=document.createElement('h2');h.textContent=tag;el.append(h);
    for(const {path,method,op} of ops){const d=document.createElement('div');d.className='op';
      const m=document.createElement('span');m.className='m';m.textContent=method;
      const p=document.createElement('code');p.textContent=path;
      const s=document.createElement('span');s.textContent=' — '+op.summary+' ';
      const r=document.createElement('span');r.className='role';r.textContent=op['x-required-role']?('(role: '+op['x-required-role']+')'):op['x-credentials']?('(credentials: '+op['x-credentials']+')'):'(no credentials)';
      d.append(m,p,s,r);el.append(d);}}
});
</script></body></html>`;

/** The OpenAPI document generated from the routes' zod schemas, and a small docs page. */
export function createOpenApiRouter(registry: OpenApiRegistry, version: string): Router {
  const router = Router();
  router.get('/api/v1/openapi.json', (_req, res) => {
    res.json(registry.document({ title: 'Parley API', version }));
  });
  router.get('/api/v1/docs', (_req, res) => {
    // The page's inline script is its own; allow exactly that.
    res.setHeader(
      'Content-Security-Policy',
      "default-src 'self'; script-src 'unsafe-inline' 'self'; style-src 'unsafe-inline'",
    );
    res.type('html').send(DOCS_PAGE);
  });
  return router;
}
