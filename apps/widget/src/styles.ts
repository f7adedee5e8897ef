/**
 * The widget's only stylesheet, adopted by its shadow root. Pixel units only: a host page's
 * `html { font-size }` must not resize the widget. Host pages theme it with custom properties
 * (they inherit through `all: initial`): --parley-primary, --parley-on-primary, --parley-font,
 * --parley-offset, --parley-z-index.
 */
export const CSS = `
:host{all:initial!important}
.root{--c:var(--parley-primary,var(--_primary,#2563eb));--on:var(--parley-on-primary,var(--_on,#fff));--bg:#fff;--fg:#111827;--muted:#4b5563;--bot:#f3f4f6;--line:#d1d5db;--o:var(--parley-offset,20px);font:14px/1.45 var(--parley-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);color:var(--fg)}
@media (prefers-color-scheme:dark){.root{--bg:#111827;--fg:#f9fafb;--muted:#d1d5db;--bot:#374151;--line:#4b5563}}
*{box-sizing:border-box}
button,input{font:inherit;color:inherit;margin:0}
button{cursor:pointer;border:0;background:none;padding:0}
button:disabled{cursor:default}
:focus-visible{outline:3px solid var(--c);outline-offset:2px}
.launcher{position:fixed;bottom:var(--o);right:var(--o);z-index:var(--parley-z-index,2147483000);width:56px;height:56px;border-radius:50%;background:var(--c);color:var(--on);box-shadow:0 4px 14px rgba(0,0,0,.25);display:flex;align-items:center;justify-content:center;transition:transform .15s}
.launcher:hover{transform:scale(1.06)}
.left .launcher{right:auto;left:var(--o)}
svg{width:24px;height:24px;fill:currentColor}
.panel{position:fixed;bottom:calc(var(--o) + 68px);right:var(--o);z-index:var(--parley-z-index,2147483000);width:370px;height:560px;max-height:calc(100vh - 100px);max-width:calc(100vw - 2 * var(--o));background:var(--bg);border-radius:14px;box-shadow:0 8px 30px rgba(0,0,0,.3);display:flex;flex-direction:column;overflow:hidden;animation:in .18s ease-out}
.left .panel{right:auto;left:var(--o)}
.panel[hidden]{display:none}
@keyframes in{from{opacity:0;transform:translateY(12px)}}
header{display:flex;align-items:center;gap:4px;padding:12px 8px 12px 16px;background:var(--c);color:var(--on)}
.heading{flex:1;min-width:0}
h2{font-size:16px;font-weight:600;margin:0;line-height:1.3}
.greeting{font-size:13px;margin:2px 0 0;opacity:.9}
header button{width:36px;height:36px;border-radius:8px;display:flex;align-items:center;justify-content:center}
header button:hover{background:rgba(127,127,127,.25)}
header :focus-visible{outline-color:var(--on)}
.log{flex:1;overflow-y:auto;padding:14px;display:flex;flex-direction:column;gap:8px;overscroll-behavior:contain}
.msg{max-width:85%;padding:8px 12px;border-radius:14px;white-space:pre-wrap;overflow-wrap:anywhere}
.bot{align-self:flex-start;background:var(--bot);border-bottom-left-radius:4px}
.user{align-self:flex-end;background:var(--c);color:var(--on);border-bottom-right-radius:4px}
.user.failed{opacity:.75;border:2px dashed #b91c1c}
.note{font-size:12px;color:var(--muted);align-self:flex-end}
a{color:inherit;text-decoration:underline}
.choices{display:flex;flex-wrap:wrap;gap:6px}
.choice{border:1px solid var(--c);color:var(--fg);background:var(--bg);border-radius:16px;padding:6px 12px;text-decoration:none;font-size:13px}
.choice:hover:not(:disabled){background:var(--bot)}
.choice:disabled{border-color:var(--line);color:var(--muted)}
.typing{align-self:flex-start;display:flex;gap:4px;padding:12px;background:var(--bot);border-radius:14px}
.typing i{width:7px;height:7px;border-radius:50%;background:var(--muted);animation:dot 1s infinite}
.typing i:nth-child(2){animation-delay:.15s}.typing i:nth-child(3){animation-delay:.3s}
@keyframes dot{50%{transform:translateY(-4px)}}
.status{font-size:12px;color:var(--muted);padding:0 14px;min-height:0}
.status:not(:empty){padding:4px 14px}
form{display:flex;gap:8px;padding:10px;border-top:1px solid var(--line)}
input{flex:1;min-width:0;padding:9px 12px;border:1px solid var(--line);border-radius:20px;background:var(--bg)}
input:focus-visible{outline-offset:0}
form button{width:40px;height:40px;border-radius:50%;background:var(--c);color:var(--on);display:flex;align-items:center;justify-content:center}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:480px){.panel{inset:0;width:auto;height:auto;max-width:none;max-height:none;border-radius:0}.open .launcher{display:none}}
@media (prefers-reduced-motion:reduce){*{animation:none!important;transition:none!important}}
`;
