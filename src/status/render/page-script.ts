// Optional live refresh for the status page. The page is complete without it
// (JavaScript off: reload to update); with scripts on, it re-fetches itself
// every `seconds`, swaps the changed parts in place, announces a change of
// the overall status to screen readers, and offers a pause button (WCAG
// 2.2.2: content that updates by itself can be paused). Inline and tiny
// because the page loads no external assets.

export function liveRefreshScript(seconds: number): string {
  const ms = Math.max(1, Math.round(seconds)) * 1000;
  return `(function(){
var live=document.getElementById('live'),announce=document.getElementById('announce');
if(!live||!window.fetch||!window.DOMParser)return;
var paused=false,busy=false;
var note=document.createElement('span');note.textContent='Live: updates every ${Math.round(ms / 1000)} s.';
var button=document.createElement('button');button.type='button';button.setAttribute('aria-pressed','false');button.textContent='Pause live updates';
button.addEventListener('click',function(){paused=!paused;button.setAttribute('aria-pressed',String(paused));button.textContent=paused?'Resume live updates':'Pause live updates';});
live.appendChild(note);live.appendChild(button);live.hidden=false;
function swap(doc){
var open=[].map.call(document.querySelectorAll('details[open][id]'),function(d){return d.id;});
['overall','updated','content'].forEach(function(id){var next=doc.getElementById(id),cur=document.getElementById(id);
if(next&&cur&&!cur.contains(document.activeElement))cur.replaceWith(document.importNode(next,true));});
open.forEach(function(id){var d=document.getElementById(id);if(d)d.open=true;});}
function tick(){if(paused||busy||document.hidden)return;busy=true;
fetch(location.href.split('#')[0],{cache:'no-store'}).then(function(r){if(!r.ok)throw new Error(String(r.status));return r.text();}).then(function(text){
var doc=new DOMParser().parseFromString(text,'text/html'),before=document.getElementById('overall'),after=doc.getElementById('overall');
var changed=before&&after&&before.textContent.trim()!==after.textContent.trim();
swap(doc);document.title=doc.title;document.documentElement.setAttribute('data-refreshed',new Date().toISOString());
if(changed&&announce)announce.textContent='Status changed: '+after.textContent.trim();
}).catch(function(){}).then(function(){busy=false;});}
setInterval(tick,${ms});
})();`;
}
