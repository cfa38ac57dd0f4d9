// <summit-search>: the Summit search box and results, as one custom element.
// Plain ES module, no framework, no build step. Embed with:
//   <script type="module" src="https://search.example.org/summit-search.js"></script>
//   <summit-search endpoint="https://search.example.org"></summit-search>
//
// Safety rule: text from the API is never assigned to innerHTML. Snippets and quotes arrive as escaped HTML
// carrying only <mark>; they are tokenised here and rebuilt as text nodes and <mark> elements, so any other
// markup, even a malformed one, can only ever show up as text.

const SCRIPT_ORIGIN = (() => {
  try { return new URL(import.meta.url).origin; } catch { return location.origin; }
})();

const SUGGEST_DELAY_MS = 150;
const SUGGEST_MIN_CHARS = 2;
const FACET_LIMIT = 8;
const HOME_PERIOD_ARTICLES = 20; // the home page ranks names over the latest months holding at least this many articles

// The facet dimensions are the API's (GET /api/facets): their names and labels, the ones each view shows and, in
// each view's order, the ones the widget filters by (those it shows in some view). Until they arrive there are none.
let FACETS = { articles: [], quotes: [] }; // view -> [[name, label]] shown, in order
let FILTER_DIMENSIONS = []; // filters of the articles view (and of the URL), in order
let QUOTE_DIMENSIONS = []; // of those, the ones quote search takes, in its order
const KIND_LABELS = { title: 'Article' }; // suggestion kinds and filter names, for people
const dimensionLoads = new Map(); // endpoint -> promise of the dimension list

function loadDimensions(endpoint) {
  let load = dimensionLoads.get(endpoint);
  if (!load) {
    load = fetch(`${endpoint}/api/facets`, { headers: { Accept: 'application/json' } })
      .then((response) => {
        if (!response.ok) throw new ApiError(`The facet list failed (HTTP ${response.status}).`, response.status);
        return response.json();
      })
      .then(applyDimensions)
      .catch((error) => { dimensionLoads.delete(endpoint); throw error; });
    dimensionLoads.set(endpoint, load);
  }
  return load;
}

function applyDimensions(body) {
  const list = (items) => (Array.isArray(items) ? items.filter((d) => d && typeof d.name === 'string' && d.name) : []);
  const articles = list(body?.articles);
  const quotes = list(body?.quotes);
  const shown = new Set([...articles, ...quotes].filter((d) => d.widget).map((d) => d.name));
  FACETS = {
    articles: articles.filter((d) => d.widget).map((d) => [d.name, String(d.label || d.name)]),
    quotes: quotes.filter((d) => d.widget).map((d) => [d.name, String(d.label || d.name)]),
  };
  FILTER_DIMENSIONS = articles.map((d) => d.name).filter((name) => shown.has(name));
  QUOTE_DIMENSIONS = quotes.map((d) => d.name).filter((name) => shown.has(name));
  for (const d of [...articles, ...quotes]) if (d.label && d.name !== 'title') KIND_LABELS[d.name] = String(d.label);
}

const STYLE = `
:host {
  --_accent: var(--summit-accent, #1f5fbf);
  --_accent-text: var(--summit-accent-text, #ffffff);
  --_font: var(--summit-font, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
  --_text: var(--summit-text, #1d2127);
  --_muted: var(--summit-muted, #5a6270);
  --_bg: var(--summit-bg, #ffffff);
  --_surface: var(--summit-surface, #f4f6f9);
  --_border: var(--summit-border, #c9d0da);
  --_radius: var(--summit-radius, 8px);
  --_mark: var(--summit-mark, #ffe27a);
  --_focus: var(--summit-focus, var(--summit-accent, #1f5fbf));
  --_error: var(--summit-error, #a4161a);
  display: block;
  container-type: inline-size;
  font-family: var(--_font);
  color: var(--_text);
  line-height: 1.45;
  font-size: var(--summit-font-size, 1rem);
}
:host([hidden]) { display: none; }
*, *::before, *::after { box-sizing: border-box; }
.vh {
  position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
:focus-visible { outline: 3px solid var(--_focus); outline-offset: 2px; }
button, input, select { font: inherit; color: inherit; }
a { color: var(--_accent); }

form { position: relative; display: flex; gap: .5rem; align-items: stretch; }
/* The list hangs from the whole form (box and button), so long titles have room on a phone. */
.combo { flex: 1 1 auto; min-width: 0; }
input.q {
  width: 100%; height: 2.75rem; padding: 0 .9rem; border: 1px solid var(--_border);
  border-radius: var(--_radius); background: var(--_bg); font-size: 1.05rem;
}
input.q:focus-visible { outline-offset: 0; border-color: var(--_focus); }
button.go {
  flex: 0 0 auto; height: 2.75rem; padding: 0 1.1rem; border: 0; border-radius: var(--_radius);
  background: var(--_accent); color: var(--_accent-text); font-weight: 600; cursor: pointer;
}
div.listbox {
  position: absolute; z-index: 10; left: 0; right: 0; top: calc(100% + 4px); margin: 0; padding: .25rem 0;
  list-style: none; background: var(--_bg); border: 1px solid var(--_border); border-radius: var(--_radius);
  box-shadow: 0 8px 24px rgb(0 0 0 / .14); max-height: 22rem; overflow-y: auto;
}
div.listbox[hidden] { display: none; }
.listbox ul[role=group] { list-style: none; margin: 0; padding: 0; }
.listbox .group-label { padding: .45rem .8rem .15rem; font-size: .75rem; font-weight: 700; text-transform: uppercase;
  letter-spacing: .04em; color: var(--_muted); }
.listbox ul[role=group] + ul[role=group] { border-top: 1px solid var(--_border); margin-top: .2rem; }
.option mark { background: transparent; color: inherit; font-weight: 700; padding: 0; text-decoration: underline;
  text-decoration-thickness: 2px; text-underline-offset: 2px; }
.option .sub { display: block; font-size: .8rem; color: var(--_muted); }
li.option[aria-selected="true"] .sub { color: inherit; }
li.option {
  display: flex; gap: .6rem; align-items: baseline; padding: .45rem .8rem; cursor: pointer;
}
li.option[aria-selected="true"] { background: var(--_accent); color: var(--_accent-text); }
li.option[aria-selected="true"] .kind, li.option[aria-selected="true"] .n { color: inherit; }
.option .kind { display: none; }
.option .main { flex: 1 1 auto; min-width: 0; }
.option .label { overflow: hidden; display: -webkit-box; -webkit-box-orient: vertical;
  -webkit-line-clamp: 2; line-clamp: 2; }
.option .n { color: var(--_muted); font-size: .85rem; font-variant-numeric: tabular-nums; }

.message { margin: .75rem 0 0; padding: .6rem .8rem; border-radius: var(--_radius);
  background: #fdecec; color: var(--_error); border: 1px solid #f3b8b8; }
.message[hidden] { display: none; }
.status { margin: .75rem 0 0; color: var(--_muted); font-size: .95rem; }
.status:empty { display: none; }
.didyoumean { margin: .4rem 0 0; }
.didyoumean[hidden] { display: none; }
.linkish { background: none; border: 0; padding: 0; color: var(--_accent); text-decoration: underline; cursor: pointer; }

.panel[hidden] { display: none; }
.toolbar { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; justify-content: space-between;
  margin: .75rem 0 0; }
.views { display: inline-flex; border: 1px solid var(--_border); border-radius: var(--_radius); overflow: hidden; }
.views[hidden] { display: none; }
.views button { border: 0; background: var(--_bg); padding: .35rem .9rem; cursor: pointer; }
.views button + button { border-left: 1px solid var(--_border); }
.views button[aria-pressed="true"] { background: var(--_accent); color: var(--_accent-text); font-weight: 600; }
.sort { display: inline-flex; gap: .4rem; align-items: center; color: var(--_muted); font-size: .9rem; }
.sort select { border: 1px solid var(--_border); border-radius: 6px; padding: .2rem .4rem; background: var(--_bg); }

.layout { display: grid; gap: 1rem; margin-top: .75rem; grid-template-columns: minmax(0, 1fr); }
.facets { align-self: start; min-width: 0; }
.facets > summary {
  display: inline-flex; align-items: center; gap: .4rem; cursor: pointer; list-style: none; padding: .35rem .9rem;
  border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_bg); font-weight: 600;
}
.facets > summary::-webkit-details-marker { display: none; }
.facets > summary::before { content: "▸"; font-size: .8em; transition: transform .12s ease; }
.facets[open] > summary::before { transform: rotate(90deg); }
.facets[open] > summary { margin-bottom: .75rem; }
.wide .facets > summary { display: none; }
.facet-body, .facet-groups { display: grid; gap: 1rem; align-content: start; }
.facet { border: 0; margin: 0; padding: 0; min-width: 0; }
.facet legend, .facet .legend { font-weight: 600; font-size: .85rem; text-transform: uppercase; letter-spacing: .04em;
  color: var(--_muted); padding: 0; margin-bottom: .35rem; }
.chips { display: flex; flex-wrap: wrap; gap: .35rem; }
.chip {
  display: inline-flex; align-items: center; gap: .35rem; max-width: 100%; padding: .2rem .65rem;
  border: 1px solid var(--_border); border-radius: 999px; background: var(--_bg); cursor: pointer; font-size: .9rem;
}
.chip .text { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.chip .count { color: var(--_muted); font-size: .8rem; font-variant-numeric: tabular-nums; }
.chip[aria-pressed="true"] { background: var(--_accent); border-color: var(--_accent); color: var(--_accent-text); }
.chip[aria-pressed="true"] .count { color: inherit; }
.more { font-size: .85rem; margin-top: .3rem; }
.selected { display: flex; flex-wrap: wrap; gap: .35rem; align-items: center; margin-top: .75rem; }
.selected:empty { display: none; }
.selected .chip { background: var(--_surface); }
.selected .chip .x { font-weight: 700; }
.dates { display: flex; flex-wrap: wrap; gap: .5rem; }
.dates label { display: grid; gap: .15rem; font-size: .85rem; color: var(--_muted); }
.dates input { width: 8.5rem; border: 1px solid var(--_border); border-radius: 6px; padding: .2rem .4rem;
  background: var(--_bg); color: var(--_text); }
.hint { margin: .3rem 0 0; font-size: .8rem; color: var(--_muted); }

.histogram { margin: 0 0 .9rem; }
.histogram[hidden] { display: none; }
.histogram .hist-title { font-size: .85rem; font-weight: 600; color: var(--_muted); margin: 0 0 .3rem; }
.histogram .bars { display: flex; align-items: flex-end; gap: 2px; height: 4.5rem; padding: 0 0 1px;
  border-bottom: 1px solid var(--_border); }
.histogram .bar { flex: 1 1 0; min-width: 3px; max-width: 2.5rem; height: 100%; padding: 0; border: 0; background: none;
  cursor: pointer; display: flex; align-items: flex-end; }
.histogram .bar span { display: block; width: 100%; background: var(--_accent); border-radius: 2px 2px 0 0; min-height: 2px; }
.histogram .bar.empty span { background: var(--_border); }
.histogram .bar[aria-pressed="true"] span { background: var(--_text); }
.histogram .bar:hover span { opacity: .8; }
.histogram .axis { display: flex; justify-content: space-between; font-size: .75rem; color: var(--_muted); margin-top: .15rem; }

.reader[hidden], .home[hidden], article.entity[hidden] { display: none; }
.reader, article.entity { margin-top: .9rem; padding: 1rem 1.1rem 1.25rem; border: 1px solid var(--_border); border-radius: var(--_radius);
  background: var(--_bg); overflow-wrap: anywhere; }
.reader .back, article.entity .back { margin-bottom: .6rem; }
.reader h2, article.entity h2 { margin: 0 0 .3rem; font-size: 1.45rem; line-height: 1.25; }
.reader h2:focus, article.entity h2:focus { outline: none; }
.reader h2:focus-visible, article.entity h2:focus-visible { outline: 3px solid var(--_focus); }
.reader h3, article.entity h3 { font-size: .85rem; text-transform: uppercase; letter-spacing: .04em; color: var(--_muted); margin: 1.2rem 0 .4rem; }
article.entity .kind { margin: 0; font-size: .85rem; font-weight: 600; color: var(--_muted); }
article.entity .aliases { margin: .2rem 0 0; color: var(--_muted); }
article.entity .aliases .names { color: var(--_text); }
article.entity .counts { display: flex; flex-wrap: wrap; gap: .6rem; margin-top: .8rem; }
article.entity .stat { display: grid; min-width: 7.5rem; padding: .45rem .8rem; border: 1px solid var(--_border);
  border-radius: var(--_radius); background: var(--_surface); text-align: left; font-size: .9rem; color: var(--_muted); }
article.entity button.stat { cursor: pointer; border-color: var(--_accent); background: var(--_bg); color: var(--_accent); }
article.entity button.stat:hover { background: var(--_surface); }
article.entity .stat strong { font-size: 1.35rem; line-height: 1.2; color: var(--_text); font-variant-numeric: tabular-nums; }
article.entity button.stat strong { color: inherit; }
article.entity .sections { display: grid; gap: 0 1.5rem; grid-template-columns: minmax(0, 1fr); }
article.entity .sections > div { min-width: 0; }
article.entity .histogram { margin: 0; }
article.entity .histogram .bars { height: 6rem; }
article.entity .histogram .bar { max-width: 3.5rem; }
article.entity details.table { margin-top: .5rem; font-size: .9rem; }
article.entity details.table summary { cursor: pointer; color: var(--_accent); }
article.entity table { border-collapse: collapse; margin-top: .4rem; font-variant-numeric: tabular-nums; }
article.entity th, article.entity td { padding: .15rem .8rem .15rem 0; text-align: left; border-bottom: 1px solid var(--_border); }
article.entity td.n, article.entity th.n { text-align: right; }
article.entity .table-wrap { max-height: 16rem; overflow: auto; }
@container (min-width: 760px) {
  article.entity .sections { grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); }
  article.entity .sections > .timeline { grid-column: 1 / -1; }
}
.chip-pair { display: inline-flex; align-items: center; gap: .15rem; max-width: 100%; min-width: 0; }
button.about { flex: 0 0 auto; display: inline-grid; place-items: center; width: 1.6rem; height: 1.6rem; padding: 0; border: 0;
  border-radius: 50%; background: none; color: var(--_accent); cursor: pointer; }
button.about .i { display: grid; place-items: center; width: 1.15rem; height: 1.15rem; border: 1.5px solid currentColor;
  border-radius: 50%; font: italic 700 .75rem/1 Georgia, "Times New Roman", serif; }
button.about:hover .i { background: var(--_accent); color: var(--_accent-text); border-color: var(--_accent); }
.reader .original { display: inline-block; margin-top: .4rem; }
.reader .body { margin-top: .9rem; max-width: 44rem; font-size: 1.02rem; line-height: 1.6; }
.reader .body p { margin: 0 0 .8rem; }
.quote { position: relative; background: var(--summit-quote-bg, #eef3fb); border-bottom: 2px solid var(--_accent);
  border-radius: 2px; cursor: help; }
.quote .said { display: none; position: absolute; z-index: 5; left: 0; bottom: calc(100% + 4px); width: max-content;
  max-width: 16rem; padding: .2rem .55rem; border-radius: 6px; background: var(--_text); color: var(--_bg);
  font-size: .85rem; line-height: 1.35; font-weight: 600; white-space: normal; pointer-events: none; }
.quote:hover .said, .quote:focus .said { display: block; }
.quote:focus-visible { outline: 3px solid var(--_focus); outline-offset: 1px; }
.reader .speakers { list-style: none; margin: 0; padding: 0; display: grid; gap: .35rem; }
.reader .speakers li { display: flex; flex-wrap: wrap; gap: .3rem .6rem; align-items: center; }
.entity-groups { display: grid; gap: .6rem; }
.entity-groups .legend { font-weight: 600; font-size: .85rem; color: var(--_muted); margin-bottom: .25rem; }

.home { margin-top: 1.25rem; display: grid; gap: 1.25rem; grid-template-columns: minmax(0, 1fr); }
.home section { min-width: 0; }
.home h2 { font-size: 1.1rem; margin: 0 0 .5rem; }
.home h3 { font-size: .85rem; text-transform: uppercase; letter-spacing: .04em; color: var(--_muted); margin: .6rem 0 .35rem; }
.home .latest { list-style: none; margin: 0; padding: 0; display: grid; gap: .55rem; }
.home .latest li { padding: .55rem .7rem; border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_bg);
  overflow-wrap: anywhere; }
.home .latest a { font-weight: 600; text-decoration: none; }
.home .latest a:hover { text-decoration: underline; }
.home .examples { display: flex; flex-wrap: wrap; gap: .4rem; }
.home .examples button { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9rem; }
.home details { border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_bg); padding: .5rem .8rem; }
.home details summary { cursor: pointer; font-weight: 600; }
.home dl { margin: .5rem 0 0; display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .3rem .9rem; }
.home dt code { font-size: .9rem; }
.home dd { margin: 0; }
@container (min-width: 760px) {
  .home { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); }
  .home .span { grid-column: 1 / -1; }
}

.results { min-width: 0; }
.results h2 { margin: 0; }
ol.hits { list-style: none; margin: 0; padding: 0; display: grid; gap: .9rem; }
li.hit { padding: .8rem .9rem; border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_bg);
  overflow-wrap: anywhere; }
.hit h3 { margin: 0 0 .2rem; font-size: 1.08rem; line-height: 1.3; }
.hit h3 a { text-decoration: none; }
.hit h3 a:hover { text-decoration: underline; }
.meta { color: var(--_muted); font-size: .85rem; display: flex; flex-wrap: wrap; gap: .1rem .6rem; }
.meta > :not(:last-child)::after { content: "·"; margin-left: .6rem; color: var(--_muted); }
.snippet { margin: .45rem 0 0; }
mark { background: var(--_mark); color: inherit; padding: 0 .1em; border-radius: 2px; }
blockquote { margin: .5rem 0 0; padding: .3rem .8rem; border-left: 3px solid var(--_accent); background: var(--_surface);
  border-radius: 0 var(--_radius) var(--_radius) 0; }
blockquote p { margin: 0; }
.from { margin-top: .4rem; font-size: .9rem; }
.from cite { font-style: normal; font-weight: 600; }
.speaker { font-size: .85rem; color: var(--_muted); margin-top: .15rem; }
.credit { margin: .45rem 0 0; font-size: .8rem; color: var(--_muted); }
.pager { display: flex; gap: .75rem; align-items: center; justify-content: center; margin: 1rem 0 .25rem; }
.pager[hidden] { display: none; }
.pager button { border: 1px solid var(--_border); background: var(--_bg); border-radius: var(--_radius);
  padding: .35rem .9rem; cursor: pointer; }
.pager button:disabled { opacity: .45; cursor: default; }
.empty { color: var(--_muted); margin: .5rem 0; }
.busy .results { opacity: .6; }

@container (min-width: 760px) {
  :host([layout="sidebar"]) .layout { grid-template-columns: 15.5rem minmax(0, 1fr); gap: 1.5rem; }
}
@container (max-width: 420px) {
  button.go { padding: 0 .8rem; }
}
@media (prefers-reduced-motion: no-preference) {
  .chip, .views button, li.option { transition: background-color .12s ease; }
}
`;

const TEMPLATE = `
<div class="root" part="root">
  <form part="form" role="search" novalidate>
    <div class="combo">
      <label class="vh" for="q"></label>
      <input id="q" class="q" part="input" type="text" role="combobox" autocomplete="off" spellcheck="false"
        aria-autocomplete="list" aria-expanded="false" aria-controls="suggestions" enterkeyhint="search">
      <div id="suggestions" class="listbox" part="suggestions" role="listbox" aria-label="Suggestions" hidden></div>
    </div>
    <button class="go" part="button" type="submit">Search</button>
  </form>
  <p class="message" part="error" role="alert" hidden></p>
  <div class="status" part="status" role="status" aria-live="polite" aria-atomic="true"></div>
  <p class="didyoumean" hidden>Did you mean <button type="button" class="linkish"></button>?</p>
  <div class="panel" hidden>
    <div class="toolbar" part="toolbar">
      <div class="views" part="tabs" role="group" aria-label="Show">
        <button type="button" part="tab" data-view="articles" aria-pressed="true">Articles</button>
        <button type="button" part="tab" data-view="quotes" aria-pressed="false">Quotes</button>
      </div>
      <label class="sort">Sort
        <select name="sort">
          <option value="relevance">Relevance</option>
          <option value="date">Newest first</option>
          <option value="oldest">Oldest first</option>
        </select>
      </label>
    </div>
    <div class="selected" part="selected" role="group" aria-label="Active filters"></div>
    <div class="layout" part="layout">
      <details class="facets" part="facets">
        <summary part="filters-toggle">Filters</summary>
        <div class="facet-body">
          <div class="facet-groups"></div>
          <fieldset class="facet" part="facet dates">
            <legend>Date</legend>
            <div class="dates">
              <label>From <input type="text" name="from" inputmode="numeric" autocomplete="off" spellcheck="false"
                placeholder="YYYY-MM-DD" aria-describedby="date-hint"></label>
              <label>To <input type="text" name="to" inputmode="numeric" autocomplete="off" spellcheck="false"
                placeholder="YYYY-MM-DD" aria-describedby="date-hint"></label>
            </div>
            <p class="hint" id="date-hint">A year, month or day: 2023, 2023-03 or 2023-03-21.</p>
          </fieldset>
        </div>
      </details>
      <section class="results" part="results" aria-label="Results">
        <h2 class="vh" tabindex="-1">Results</h2>
        <div class="histogram" part="histogram" hidden></div>
        <ol class="hits" part="hits"></ol>
        <nav class="pager" part="pager" aria-label="Pages" hidden>
          <button type="button" data-page="prev">Previous</button>
          <span class="pageinfo"></span>
          <button type="button" data-page="next">Next</button>
        </nav>
      </section>
    </div>
  </div>
  <article class="reader" part="reader" hidden aria-labelledby="reader-title"></article>
  <article class="entity" part="entity-page" hidden aria-labelledby="entity-title"></article>
  <div class="home" part="home" hidden></div>
</div>`;

// ---------------------------------------------------------------------------------------------------------------
// Rendering API text safely.

const NAMED_ENTITIES = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0', hellip: '\u2026', mdash: '\u2014',
  ndash: '\u2013', lsquo: '\u2018', rsquo: '\u2019', ldquo: '\u201C', rdquo: '\u201D', laquo: '\u00AB',
  raquo: '\u00BB',
};

/** Decodes the character references an HTML encoder emits; anything unknown stays as typed. */
export function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, ref) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return whole;
      return String.fromCodePoint(code);
    }
    const named = NAMED_ENTITIES[ref.toLowerCase()];
    return named ?? whole;
  });
}

/**
 * Turns "escaped HTML with only <mark>" into DOM nodes without any HTML parsing: splits on the exact tokens
 * <mark> and </mark>, decodes character references in the text between them and appends text nodes. Any other
 * tag, escaped or not, becomes visible text. Unbalanced marks are tolerated.
 */
export function appendMarked(parent, html) {
  const doc = parent.ownerDocument;
  let mark = null;
  for (const part of String(html ?? '').split(/(<\/?mark>)/i)) {
    if (/^<mark>$/i.test(part)) {
      if (!mark) { mark = doc.createElement('mark'); parent.append(mark); }
      continue;
    }
    if (/^<\/mark>$/i.test(part)) { mark = null; continue; }
    if (part) (mark ?? parent).append(doc.createTextNode(decodeEntities(part)));
  }
  return parent;
}

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key === 'part') node.setAttribute('part', value);
    else if (key in node && typeof value !== 'string') node[key] = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

/** Only http(s) links are followed; anything else (javascript:, data:) is dropped. */
function safeUrl(url) {
  if (!url) return null;
  try {
    const parsed = new URL(url, location.href);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch { return null; }
}

function formatDate(value) {
  if (!value) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(document.documentElement.lang || undefined,
    { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(date);
}

const isGlobalVoices = (source) => /global\s*voices/i.test(source ?? '');

function plural(n, one, many) { return `${n.toLocaleString()} ${n === 1 ? one : many}`; }

const QUOTE_CHARS = '"\u201C\u201D\u201E\u00AB\u00BB';

/** The query as the status line quotes it: once. A query that is one quoted phrase loses its own marks to the
 *  status line's; one with quotation marks inside is shown as typed. */
function quotedQuery(q) {
  const inner = q.slice(1, -1);
  if (q.length > 2 && QUOTE_CHARS.includes(q[0]) && QUOTE_CHARS.includes(q.at(-1))
    && ![...inner].some((c) => QUOTE_CHARS.includes(c))) return `“${inner}”`;
  return [...q].some((c) => QUOTE_CHARS.includes(c)) ? q : `“${q}”`;
}

/** Lower-cased, without accents, one character for one character (so offsets stay those of the original). */
function foldChars(text) {
  return [...text].map((c) => {
    const f = c.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    return f.length === 1 ? f : c.toLowerCase().length === 1 ? c.toLowerCase() : c;
  }).join('');
}

/** Appends text with the start of each word that one of the typed words begins marked (<mark>). */
function appendTyped(parent, text, typed) {
  const words = foldChars(typed).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const chars = [...text];
  const folded = foldChars(text);
  const foldedChars = [...folded];
  let at = 0;
  let plain = '';
  while (at < chars.length) {
    const wordStart = at === 0 || !/[\p{L}\p{N}]/u.test(chars[at - 1]);
    let len = 0;
    if (wordStart && /[\p{L}\p{N}]/u.test(chars[at])) {
      const rest = foldedChars.slice(at).join('');
      for (const w of words) if (rest.startsWith(w) && w.length > len) len = [...w].length;
    }
    if (len > 0) {
      if (plain) { parent.append(plain); plain = ''; }
      parent.append(el('mark', { text: chars.slice(at, at + len).join('') }));
      at += len;
    } else {
      plain += chars[at];
      at++;
    }
  }
  if (plain) parent.append(plain);
  return parent;
}

const MONTHS = (lang) => new Intl.DateTimeFormat(lang || undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "2023-03" or "2023" as a readable period. */
function formatPeriod(value) {
  const m = /^(\d{4})(?:-(\d{2}))?$/.exec(value);
  if (!m) return value;
  if (!m[2]) return m[1];
  return MONTHS(document.documentElement.lang).format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)));
}

function hostName(url) {
  try { return new URL(url).hostname.replace(/^www\./, ''); } catch { return ''; }
}

// The kinds of suggestion, in the order their groups are shown, with their group headings.
const SUGGESTION_GROUPS = [
  ['person', 'People'], ['organization', 'Organisations'], ['speaker', 'Speakers'], ['country', 'Countries'],
  ['title', 'Articles'],
];

// What each dimension's values are called in GET /api/articles/{id}: country -> countries, person -> persons.
function detailValues(details, dim) {
  for (const key of [`${dim}s`, `${dim.replace(/y$/, 'ie')}s`, dim]) {
    const list = details?.[key];
    if (!Array.isArray(list)) continue;
    return list.map((item) => {
      if (typeof item === 'string') return { value: item, label: item };
      if (!item || typeof item !== 'object') return null;
      const value = item.code ?? item.value ?? item.name;
      return typeof value === 'string' && value ? { value, label: String(item.name ?? item.label ?? value) } : null;
    }).filter(Boolean);
  }
  return [];
}

const PLURAL_LABELS = { person: 'People', country: 'Countries', organization: 'Organisations', speaker: 'Speakers',
  source: 'Sources', place: 'Places' };

/** The refused-origin check: the widget files are open to every origin, the API only to the allowed ones, so when
 *  the script's own server answers and its API does not, the page's origin is not on the allow-list. */
const refusals = new Map(); // endpoint -> promise of true when the API refuses this page's origin
function originRefused(endpoint) {
  let check = refusals.get(endpoint);
  if (!check) {
    let sameOrigin = false;
    try { sameOrigin = new URL(endpoint, location.href).origin === location.origin; } catch { /* not a URL */ }
    const answers = (url, init) => fetch(url, { cache: 'no-store', ...init }).then((r) => r.ok || r.status < 500, () => false);
    check = sameOrigin ? Promise.resolve(false)
      : Promise.all([answers(`${endpoint}/summit-search.js`, { method: 'HEAD' }), answers(`${endpoint}/api/facets`)])
        .then(([script, api]) => script && !api);
    refusals.set(endpoint, check);
    check.then((refused) => {
      if (!refused) { refusals.delete(endpoint); return; }
      const origin = location.origin;
      console.error(`Summit search: the server at ${endpoint} does not allow this page's origin, ${origin}, to use its API.\n`
        + `Add the origin to the server's setting Search:AllowedOrigins, as JSON in appsettings.json:\n`
        + `  "Search": { "AllowedOrigins": ["${origin}"] }\n`
        + `or as an environment variable:\n`
        + `  Search__AllowedOrigins__0=${origin}\n`
        + `(or on the command line: --Search:AllowedOrigins:0=${origin}), then restart the server.`);
    });
  }
  return check;
}

const REFUSED_MESSAGE = 'Search is not available on this site yet. (The site owner can find the setting to add in the browser console.)';

// ---------------------------------------------------------------------------------------------------------------
// State.

function emptyState() {
  return { q: '', view: 'articles', sort: 'relevance', from: '', to: '', page: 1, article: '', entity: '',
    filters: Object.fromEntries(FILTER_DIMENSIONS.map((d) => [d, []])) };
}

function stateToParams(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const dim of FILTER_DIMENSIONS) for (const v of state.filters[dim]) params.append(dim, v);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.view !== 'articles') params.set('view', state.view);
  if (state.page > 1) params.set('page', String(state.page));
  if (state.entity) params.set('entity', state.entity);
  if (state.article) params.set('article', state.article);
  return params;
}

function paramsToState(params) {
  const state = emptyState();
  state.q = params.get('q') ?? '';
  for (const dim of FILTER_DIMENSIONS) state.filters[dim] = [...new Set(params.getAll(dim).filter(Boolean))];
  state.from = params.get('from') ?? '';
  state.to = params.get('to') ?? '';
  const sort = params.get('sort');
  if (sort === 'date' || sort === 'oldest') state.sort = sort;
  if (params.get('view') === 'quotes') state.view = 'quotes';
  const page = parseInt(params.get('page') ?? '1', 10);
  state.page = Number.isFinite(page) && page > 0 ? page : 1;
  state.article = params.get('article') ?? '';
  state.entity = params.get('entity') ?? '';
  return state;
}

/** This page's URL showing the state; the host page's own parameters are kept. */
function urlFor(state) {
  const url = new URL(location.href);
  for (const key of ['q', 'from', 'to', 'sort', 'view', 'page', 'article', 'entity', ...FILTER_DIMENSIONS]) url.searchParams.delete(key);
  for (const [key, value] of stateToParams(state)) url.searchParams.append(key, value);
  return url;
}

// A dimension only the Quotes view shows (who is quoted): picking one of its values shows quotes.
const onlyInQuotes = (dim) => FACETS.quotes.some(([d]) => d === dim) && !FACETS.articles.some(([d]) => d === dim);

// The dimensions whose values are entities with a page (GET /api/entities/{type}/{name}); a speaker is a person or
// an organisation, resolved when its page opens.
const ENTITY_DIMS = new Set(['person', 'organization', 'speaker']);

/** "person:Joe Biden" -> { type: 'person', name: 'Joe Biden' }. */
function parseEntity(value) {
  const at = String(value ?? '').indexOf(':');
  return at > 0 ? { type: value.slice(0, at), name: value.slice(at + 1) } : { type: 'person', name: String(value ?? '') };
}

/** What to focus again when coming back: a selector of the element's identifying data attributes and its index. */
function describeFocus(node, root) {
  if (!node || !node.getAttribute || !root.contains(node)) return null;
  const attrs = ['data-article', 'data-entity', 'data-value', 'data-dim', 'data-quotes-by', 'data-period', 'data-example']
    .filter((a) => node.hasAttribute(a));
  if (!attrs.length) return node.matches('input.q') ? { selector: 'input.q', index: 0 } : null;
  const selector = node.tagName.toLowerCase() + attrs.map((a) => `[${a}="${CSS.escape(node.getAttribute(a))}"]`).join('');
  return { selector, index: Math.max(0, [...root.querySelectorAll(selector)].indexOf(node)) };
}

const stateKey = (state) => stateToParams(state).toString();

/**
 * A bar chart of counts by month (by year when they span maxMonths or more): every period between the first and the
 * last (one without any is a gap, not skipped). One Tab stop (arrow keys, Home and End move between bars, see
 * onBarsKey); each bar is a button labelled with its period and count, and a summary sentence describes the whole.
 * Returns null without dated counts.
 */
function timelineChart(raw, { ids, maxMonths, title, hint, noun = (n) => (n === 1 ? 'article' : 'articles'),
  summaryNoun = ['dated article', 'dated articles'], selected = () => false }) {
  const values = (Array.isArray(raw) ? raw : [])
    .filter((b) => b && /^\d{4}(-\d{2})?$/.test(String(b.value)) && Number(b.count) > 0);
  if (!values.length) return null;
  const counts = new Map();
  for (const b of values) counts.set(String(b.value), (counts.get(String(b.value)) ?? 0) + Number(b.count));
  const keys = [...counts.keys()].sort();
  const toIndex = (k) => Number(k.slice(0, 4)) * 12 + (k.length > 4 ? Number(k.slice(5, 7)) - 1 : 0);
  const first = toIndex(keys[0]);
  const last = toIndex(keys.at(-1));
  const byYear = keys[0].length === 4 || last - first >= maxMonths;
  const buckets = [];
  if (byYear) {
    for (let y = Math.floor(first / 12); y <= Math.floor(last / 12); y++) buckets.push({ value: String(y), count: 0 });
    for (const [k, n] of counts) buckets[Number(k.slice(0, 4)) - Math.floor(first / 12)].count += n;
  } else {
    for (let i = first; i <= last; i++) {
      const value = `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
      buckets.push({ value, count: counts.get(value) ?? 0 });
    }
  }
  const max = Math.max(...buckets.map((b) => b.count));
  const top = buckets.find((b) => b.count === max);
  const unit = byYear ? 'year' : 'month';
  const chosen = buckets.findIndex(selected);
  const focusIndex = Math.max(0, chosen >= 0 ? chosen : buckets.indexOf(top));
  const bars = buckets.map((b, i) => {
    const label = `${formatPeriod(b.value)}: ${b.count.toLocaleString()} ${noun(b.count)}`;
    const bar = el('button', { type: 'button', class: b.count ? 'bar' : 'bar empty', part: 'histogram-bar',
      'data-period': b.value, 'aria-pressed': String(selected(b)), tabindex: i === focusIndex ? '0' : '-1',
      'aria-label': label, title: label }, el('span'));
    bar.firstChild.style.height = `${b.count ? Math.max(4, Math.round((b.count / max) * 100)) : 2}%`;
    return bar;
  });
  const nodes = [
    el('p', { class: 'hist-title', id: ids.title }, title(unit), el('span', { class: 'vh', text: hint })),
    el('p', { class: 'vh', id: ids.summary, text: `${plural(buckets.reduce((n, b) => n + b.count, 0), ...summaryNoun)} `
      + `from ${formatPeriod(buckets[0].value)} to ${formatPeriod(buckets.at(-1).value)}; the most, ${max.toLocaleString()}, `
      + `in ${formatPeriod(top.value)}.` }),
    el('div', { class: 'bars', role: 'group', 'aria-labelledby': ids.title, 'aria-describedby': ids.summary }, ...bars),
    el('div', { class: 'axis', 'aria-hidden': 'true' },
      el('span', { text: formatPeriod(buckets[0].value) }), el('span', { text: formatPeriod(buckets.at(-1).value) })),
  ];
  return { nodes, buckets, unit };
}

/** Arrow keys, Home and End move between a chart's bars (a roving tabindex: the chart is one Tab stop). */
function onBarsKey(e) {
  const bar = e.target.closest('button.bar');
  if (!bar) return;
  const bars = [...bar.parentElement.querySelectorAll('button.bar')];
  let i = bars.indexOf(bar);
  if (e.key === 'ArrowRight' || e.key === 'ArrowUp') i = Math.min(bars.length - 1, i + 1);
  else if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') i = Math.max(0, i - 1);
  else if (e.key === 'Home') i = 0;
  else if (e.key === 'End') i = bars.length - 1;
  else return;
  e.preventDefault();
  for (const b of bars) b.tabIndex = -1;
  bars[i].tabIndex = 0;
  bars[i].focus();
}

const hasCriteria = (state) => Boolean(state.q || state.from || state.to
  || FILTER_DIMENSIONS.some((d) => state.filters[d].length));

class ApiError extends Error {
  constructor(message, status) { super(message); this.status = status; }
}

// ---------------------------------------------------------------------------------------------------------------

export class SummitSearchElement extends HTMLElement {
  static observedAttributes = ['placeholder', 'label', 'endpoint'];

  #root;
  #els = {};
  #state = emptyState();
  #labels = new Map(); // "dim\u0000value" -> display label, so selected chips keep their names
  #suggestions = [];
  #active = -1;
  #suggestTimer = 0;
  #suggestSeq = 0;
  #suggestAbort = null;
  #suggestAvailable = true;
  #highlightFirst = false; // Down was pressed before the suggestions arrived
  #quotesAvailable = true;
  #searchSeq = 0;
  #searchAbort = null;
  #expanded = new Set();
  #refocus = null; // selector of a facet control to focus again after the facets are rebuilt
  #lastResponse = null;
  #onPopState = () => this.#restoreFromUrl();
  #wide = null;
  #resize = new ResizeObserver(() => this.#layout());
  #lastUrl = ''; // the search #lastResponse answers
  // Where the reader and entity pages return to: { state, key, focus, scrollY } per page opened over another.
  #trail = [];
  #pendingReturn = null; // the trail entry being returned to, applied once its page is shown
  #entitySeq = 0;
  #entityCache = new Map(); // "type:name" (lower case) -> GET /api/entities answer
  #entityShown = null; // { type, name } of the entity page on screen
  #homeLoaded = false;
  #articleSeq = 0;
  #suggestText = ''; // the text the shown suggestions answer

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = STYLE;
    const template = document.createElement('template');
    template.innerHTML = TEMPLATE; // a constant: no API text ever goes through innerHTML
    this.#root.append(style, template.content.cloneNode(true));
    const $ = (s) => this.#root.querySelector(s);
    this.#els = {
      root: $('.root'), form: $('form'), input: $('input.q'), label: $('label[for=q]'), listbox: $('.listbox'),
      message: $('.message'), status: $('.status'), didYouMean: $('.didyoumean'), panel: $('.panel'),
      views: $('.views'), sort: $('select[name=sort]'), facets: $('.facets'), selected: $('.selected'),
      groups: $('.facet-groups'), summary: $('.facets > summary'), from: $('input[name=from]'), to: $('input[name=to]'), hits: $('ol.hits'),
      resultsHeading: $('.results h2'), pager: $('.pager'), pageInfo: $('.pageinfo'), histogram: $('.histogram'),
      reader: $('.reader'), home: $('.home'), entity: $('article.entity'),
    };
    this.#wire();
  }

  /** Base URL of the Summit API: the endpoint attribute, else the origin this script was loaded from. */
  get endpoint() {
    const attr = this.getAttribute('endpoint');
    return (attr && attr.trim() ? attr.trim() : SCRIPT_ORIGIN).replace(/\/+$/, '');
  }

  get syncUrl() { return this.hasAttribute('sync-url'); }

  // Not delegatesFocus: that would pull focus (and the page) back to the box on every click in the results.
  focus(options) { this.#els.input.focus(options); }

  /** Runs a search for the given text, as if typed and submitted. */
  search(q) {
    this.#els.input.value = q ?? '';
    this.#submit();
  }

  connectedCallback() {
    this.#applyAttributes();
    this.#dimensions(); // early, so that suggestions already have their labels
    this.#resize.observe(this);
    if (this.syncUrl) {
      window.addEventListener('popstate', this.#onPopState);
      this.#restoreFromUrl();
    } else if (this.hasAttribute('q') && !this.#lastResponse) {
      this.search(this.getAttribute('q'));
    } else {
      this.#run({});
    }
  }

  disconnectedCallback() {
    window.removeEventListener('popstate', this.#onPopState);
    this.#resize.disconnect();
    this.#suggestAbort?.abort();
    this.#searchAbort?.abort();
    clearTimeout(this.#suggestTimer);
  }

  attributeChangedCallback() { this.#applyAttributes(); }

  // Beside the results (layout="sidebar", wide enough) the filters are always open; elsewhere they fold away
  // behind a "Filters" button so the results come first on a phone or in a narrow column.
  #layout() {
    const wide = this.getAttribute('layout') === 'sidebar' && this.getBoundingClientRect().width >= 760;
    if (wide === this.#wide) return;
    this.#wide = wide;
    this.#els.root.classList.toggle('wide', wide);
    this.#els.facets.open = wide;
  }

  #applyAttributes() {
    const placeholder = this.getAttribute('placeholder') ?? 'Search articles and quotes';
    this.#els.input.placeholder = placeholder;
    this.#els.label.textContent = this.getAttribute('label') ?? placeholder;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Events.

  #wire() {
    const { form, input, listbox, views, sort, from, to, pager, groups, selected, didYouMean } = this.#els;

    form.addEventListener('submit', (e) => { e.preventDefault(); this.#submit(); });

    input.addEventListener('input', () => {
      // Typing leaves the list: the next suggestions start unselected.
      this.#highlightFirst = false;
      this.#setActive(-1);
      this.#scheduleSuggest();
    });
    input.addEventListener('keydown', (e) => this.#onKeyDown(e));
    input.addEventListener('blur', () => {
      // Let a click on an option land before the list disappears.
      setTimeout(() => { if (this.#root.activeElement !== input) this.#closeList(); }, 150);
    });

    // Keep focus in the input while picking with the mouse.
    listbox.addEventListener('mousedown', (e) => e.preventDefault());
    listbox.addEventListener('click', (e) => {
      const option = e.target.closest('li.option');
      if (option) this.#choose(Number(option.dataset.index));
    });
    listbox.addEventListener('mousemove', (e) => {
      const option = e.target.closest('li.option');
      if (option && Number(option.dataset.index) !== this.#active) this.#setActive(Number(option.dataset.index));
    });

    views.addEventListener('click', (e) => {
      const button = e.target.closest('button[data-view]');
      if (!button || button.dataset.view === this.#state.view) return;
      this.#update({ view: button.dataset.view, page: 1 });
    });
    sort.addEventListener('change', () => this.#update({ sort: sort.value, page: 1 }));
    from.addEventListener('change', () => this.#update({ from: from.value, page: 1 }));
    to.addEventListener('change', () => this.#update({ to: to.value, page: 1 }));

    pager.addEventListener('click', (e) => {
      const button = e.target.closest('button[data-page]');
      if (!button || button.disabled) return;
      const page = this.#state.page + (button.dataset.page === 'next' ? 1 : -1);
      this.#update({ page }, { focusResults: true });
    });

    const onChip = (e) => {
      const chip = e.target.closest('button.chip');
      if (chip) {
        // The chips are rebuilt when the results come back: keep a keyboard user on the chip they pressed.
        this.#refocus = `button.chip[data-dim="${CSS.escape(chip.dataset.dim)}"][data-value="${CSS.escape(chip.dataset.value)}"]`;
        this.#toggleFilter(chip.dataset.dim, chip.dataset.value);
        return;
      }
      const more = e.target.closest('button[data-more]');
      if (more) {
        const dim = more.dataset.more;
        if (this.#expanded.has(dim)) this.#expanded.delete(dim); else this.#expanded.add(dim);
        this.#refocus = `button[data-more="${CSS.escape(dim)}"]`;
        this.#renderFacets(this.#lastResponse);
      }
    };
    groups.addEventListener('click', onChip);
    selected.addEventListener('click', (e) => {
      const chip = e.target.closest('button[data-dim]');
      if (chip) { this.#toggleFilter(chip.dataset.dim, chip.dataset.value, { refocus: true }); return; }
      if (e.target.closest('button[data-clear]')) {
        this.#update({ filters: emptyState().filters, from: '', to: '', page: 1 });
        this.#els.input.focus();
      }
    });
    didYouMean.querySelector('button').addEventListener('click', (e) => this.search(e.currentTarget.textContent));

    // Article links (results, quotes, home page), entities, the reader's Back, example searches, histogram bars.
    this.#els.root.addEventListener('click', (e) => {
      const link = e.target.closest('a[data-article]');
      if (link) {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return; // a new tab or window
        e.preventDefault();
        this.#openArticle(link.dataset.article, link);
        return;
      }
      const entity = e.target.closest('button[data-entity]');
      if (entity) { this.#openEntity(entity.dataset.entity, entity.dataset.value, entity); return; }
      const quotesBy = e.target.closest('button[data-quotes-by]');
      if (quotesBy) { this.#searchBy({ speaker: [quotesBy.dataset.quotesBy] }, { view: 'quotes' }); return; }
      const stat = e.target.closest('button[data-entity-search]');
      if (stat) { this.#searchEntity(stat.dataset.entitySearch); return; }
      if (e.target.closest('button[data-close-reader]')) { this.#closeLayer(); return; }
      const example = e.target.closest('button[data-example]');
      if (example) { this.search(example.dataset.example); return; }
      const bar = e.target.closest('button.bar[data-period]');
      if (bar && bar.closest('article.entity')) this.#searchEntity('articles', bar.dataset.period);
      else if (bar) this.#choosePeriod(bar.dataset.period);
    });
    this.#els.histogram.addEventListener('keydown', onBarsKey);
    for (const layer of [this.#els.reader, this.#els.entity]) {
      layer.addEventListener('keydown', (e) => {
        if (e.key === 'ArrowLeft' || e.key === 'ArrowRight' || e.key === 'ArrowUp' || e.key === 'ArrowDown'
          || e.key === 'Home' || e.key === 'End') { onBarsKey(e); return; }
        if (e.key === 'Escape' && !e.target.closest('input')) { e.preventDefault(); this.#closeLayer(); }
      });
    }
  }

  #onKeyDown(e) {
    const open = !this.#els.listbox.hidden;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!open) {
          if (this.#suggestions.length) this.#openList(e.altKey ? -1 : 0);
          else { this.#highlightFirst = !e.altKey; this.#scheduleSuggest(0); }
        }
        else if (!e.altKey) this.#setActive((this.#active + 1) % this.#suggestions.length);
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (!open) { if (this.#suggestions.length) this.#openList(this.#suggestions.length - 1); }
        else this.#setActive(this.#active <= 0 ? this.#suggestions.length - 1 : this.#active - 1);
        break;
      case 'Enter':
        if (open && this.#active >= 0) { e.preventDefault(); this.#choose(this.#active); }
        // otherwise the form submits
        break;
      case 'Escape':
        if (open) { e.preventDefault(); this.#closeList(); }
        else if (this.#els.input.value) { e.preventDefault(); this.#els.input.value = ''; this.#cancelSuggest(); }
        break;
      case 'Tab':
        this.#closeList();
        break;
      default:
        break;
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // Suggestions (typeahead).

  #cancelSuggest() {
    clearTimeout(this.#suggestTimer);
    this.#suggestSeq++;
    this.#suggestAbort?.abort();
    this.#suggestAbort = null;
    this.#suggestions = [];
    this.#closeList();
  }

  #scheduleSuggest(delay = SUGGEST_DELAY_MS) {
    clearTimeout(this.#suggestTimer);
    const text = this.#els.input.value.trim();
    if (!this.#suggestAvailable || text.length < SUGGEST_MIN_CHARS) {
      this.#suggestSeq++;
      this.#suggestAbort?.abort();
      this.#suggestions = [];
      this.#closeList();
      return;
    }
    this.#suggestTimer = setTimeout(() => this.#fetchSuggestions(text), delay);
  }

  async #fetchSuggestions(text) {
    const seq = ++this.#suggestSeq;
    this.#suggestAbort?.abort();
    const abort = new AbortController();
    this.#suggestAbort = abort;
    let suggestions = [];
    try {
      const response = await fetch(`${this.endpoint}/api/suggest?${new URLSearchParams({ q: text })}`,
        { signal: abort.signal, headers: { Accept: 'application/json' } });
      if (response.status === 404 || response.status === 405) { this.#suggestAvailable = false; return; }
      if (!response.ok) return; // suggestions are a nicety: failures just mean none
      const body = await response.json();
      suggestions = Array.isArray(body?.suggestions) ? body.suggestions.filter((s) => s && s.value) : [];
    } catch {
      return;
    }
    // Discard anything that is no longer about what is in the box.
    if (seq !== this.#suggestSeq || this.#els.input.value.trim() !== text) return;
    // A response for the same text may land after the user moved into the list (an earlier request's answer was
    // shown first): keep their choice rather than silently dropping it.
    const chosen = this.#active >= 0 ? this.#suggestions[this.#active] : null;
    // Grouped by kind (people, organisations, speakers, countries, articles): the list reads in that order.
    const order = (kind) => {
      const i = SUGGESTION_GROUPS.findIndex(([k]) => k === kind);
      return i < 0 ? SUGGESTION_GROUPS.length - 1.5 : i;
    };
    this.#suggestions = suggestions.slice(0, 10).map((s, i) => [s, i])
      .sort((a, b) => order(a[0].kind) - order(b[0].kind) || a[1] - b[1]).map(([s]) => s);
    this.#suggestText = text;
    this.#renderSuggestions(chosen);
  }

  #renderSuggestions(chosen = null) {
    const { listbox } = this.#els;
    const groups = [];
    this.#suggestions.forEach((s, i) => {
      let group = groups.at(-1);
      if (!group || group.kind !== s.kind) {
        const heading = SUGGESTION_GROUPS.find(([k]) => k === s.kind)?.[1] ?? PLURAL_LABELS[s.kind] ?? KIND_LABELS[s.kind] ?? 'Other';
        const id = `summit-group-${groups.length}`;
        group = { kind: s.kind, node: el('ul', { role: 'group', 'aria-labelledby': id },
          el('li', { role: 'presentation', id, class: 'group-label', text: heading })) };
        groups.push(group);
      }
      // A title names one article: its count says nothing; its date and source tell alike titles apart.
      const count = s.kind !== 'title' && Number.isFinite(s.count) && s.count > 0 ? s.count : null;
      const date = s.kind === 'title' ? formatDate(s.date) : null;
      const sub = [date, s.kind === 'title' && typeof s.source === 'string' ? s.source : null].filter(Boolean).join(' · ');
      group.node.append(el('li', { id: `summit-option-${i}`, class: 'option', part: 'option', role: 'option',
        'aria-selected': 'false', 'data-index': String(i), 'data-kind': s.kind },
      el('span', { class: 'main' },
        el('span', { class: 'label' }, appendTyped(document.createDocumentFragment(), s.label || s.value, this.#suggestText)),
        sub ? el('span', { class: 'sub' }, el('span', { class: 'vh', text: ', ' }), sub) : null),
      count === null ? null : el('span', { class: 'n' }, el('span', { class: 'vh', text: ', ' }), count.toLocaleString(),
        el('span', { class: 'vh', text: count === 1 ? ' result' : ' results' }))));
    });
    listbox.replaceChildren(...groups.map((g) => g.node));
    this.#active = -1;
    const kept = chosen ? this.#suggestions.findIndex((s) => s.kind === chosen.kind && s.value === chosen.value) : -1;
    const first = kept >= 0 ? kept : this.#highlightFirst ? 0 : -1;
    this.#highlightFirst = false;
    if (this.#suggestions.length && this.#root.activeElement === this.#els.input) this.#openList(first);
    else this.#closeList();
  }

  #openList(active) {
    if (!this.#suggestions.length) return;
    this.#els.listbox.hidden = false;
    this.#els.input.setAttribute('aria-expanded', 'true');
    this.#setActive(active);
  }

  #closeList() {
    this.#els.listbox.hidden = true;
    this.#els.input.setAttribute('aria-expanded', 'false');
    this.#els.input.removeAttribute('aria-activedescendant');
    this.#active = -1;
  }

  #setActive(index) {
    this.#active = index;
    const options = this.#els.listbox.querySelectorAll('li.option');
    options.forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
    if (index >= 0 && options[index]) {
      this.#els.input.setAttribute('aria-activedescendant', options[index].id);
      options[index].scrollIntoView({ block: 'nearest' });
    } else {
      this.#els.input.removeAttribute('aria-activedescendant');
    }
  }

  #choose(index) {
    const suggestion = this.#suggestions[index];
    this.#cancelSuggest();
    if (!suggestion) return;
    const dim = suggestion.kind;
    if (ENTITY_DIMS.has(dim)) {
      // A person, organisation or speaker opens its page; the partial text typed to find it is dropped.
      this.#els.input.value = '';
      this.#openLayer({ entity: `${dim}:${suggestion.value}`, article: '' }, this.#els.input);
    } else if (FILTER_DIMENSIONS.includes(dim)) {
      // Picking a country (or another value without a page) filters by it.
      this.#labels.set(`${dim}\u0000${suggestion.value}`, suggestion.label || suggestion.value);
      const filters = structuredClone(this.#state.filters);
      if (!filters[dim].includes(suggestion.value)) filters[dim].push(suggestion.value);
      this.#els.input.value = '';
      this.#update({ q: '', filters, page: 1, view: onlyInQuotes(dim) ? 'quotes' : this.#state.view, article: '' });
    } else {
      this.#els.input.value = suggestion.value;
      this.#submit();
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // Searching.

  #submit() {
    this.#cancelSuggest();
    this.#update({ q: this.#els.input.value.trim(), page: 1, article: '', entity: '' });
  }

  #toggleFilter(dim, value, { refocus = false } = {}) {
    const filters = structuredClone(this.#state.filters);
    const list = filters[dim];
    const at = list.indexOf(value);
    if (at >= 0) list.splice(at, 1); else list.push(value);
    this.#update({ filters, page: 1 });
    if (refocus) this.#els.input.focus();
  }

  #update(changes, { push = true, focusResults = false, layer = false } = {}) {
    this.#state = { ...this.#state, ...changes };
    if (push && this.syncUrl) this.#writeUrl(layer);
    this.#run({ focusResults });
  }

  /** A page opened over another (the reader, an entity page) is a history entry marked `layer`, so its Back is the
   *  browser's Back. */
  #writeUrl(layer = false) {
    const url = urlFor(this.#state);
    if (url.href !== location.href) history.pushState({ summit: true, layer }, '', url);
  }

  /** Waits for the facet dimensions; without them (the API did not answer) the search runs without facets. */
  async #dimensions() {
    try {
      await loadDimensions(this.endpoint);
    } catch (error) {
      // Retried by the next search; a page whose origin the API refuses is told so at once.
      if (!(error instanceof ApiError) && await originRefused(this.endpoint)) this.#showError(error);
    }
    for (const dim of FILTER_DIMENSIONS) this.#state.filters[dim] ??= [];
  }

  async #restoreFromUrl() {
    await this.#dimensions();
    this.#state = paramsToState(new URLSearchParams(location.search));
    this.#els.input.value = this.#state.q;
    this.#cancelSuggest();
    // Back (the browser's or the page's) to where a page was opened from: focus and scroll go back there too.
    const top = this.#trail.at(-1);
    this.#pendingReturn = null;
    if (top && top.key === stateKey(this.#state)) { this.#trail.pop(); this.#pendingReturn = top; }
    this.#run({});
  }

  #reset() {
    this.#searchAbort?.abort();
    this.#lastResponse = null;
    this.#lastUrl = '';
    this.#els.panel.hidden = true;
    this.#els.message.hidden = true;
    this.#els.didYouMean.hidden = true;
    this.#els.status.textContent = '';
    this.#els.hits.replaceChildren();
  }

  #buildQuery() {
    const s = this.#state;
    const params = new URLSearchParams();
    params.set('q', s.q);
    const dims = s.view === 'quotes' ? QUOTE_DIMENSIONS : FILTER_DIMENSIONS;
    for (const dim of dims) for (const v of s.filters[dim]) params.append(dim, v);
    if (s.from) params.set('from', s.from);
    if (s.to) params.set('to', s.to);
    if (s.sort !== 'relevance') params.set('sort', s.sort);
    params.set('page', String(s.page));
    params.set('pageSize', String(this.#pageSize()));
    if (s.view !== 'quotes') params.set('dateHistogram', 'month');
    return `${this.endpoint}/api/${s.view === 'quotes' ? 'quotes' : 'search'}?${params}`;
  }

  #pageSize() {
    const n = parseInt(this.getAttribute('page-size') ?? '10', 10);
    return Number.isFinite(n) && n > 0 && n <= 50 ? n : 10;
  }

  async #run({ focusResults = false }) {
    await this.#dimensions();
    const state = this.#state;
    this.#syncControls();
    if (state.article) { this.#hideEntity(); this.#showArticle(state.article); return; }
    this.#els.reader.hidden = true;
    this.#els.reader.replaceChildren();
    this.#articleSeq++;
    if (state.entity) { this.#showEntity(state.entity); return; }
    this.#hideEntity();
    if (!hasCriteria(state)) { this.#reset(); this.#showHome(); return; }
    this.#els.home.hidden = true;

    const url = this.#buildQuery();
    if (this.#lastResponse && url === this.#lastUrl && this.#els.panel.hidden) {
      // Back from the reader or an entity page: the results as they were, where they were.
      this.#els.panel.hidden = false;
      this.#render(this.#lastResponse);
      this.#applyReturn();
      return;
    }

    const seq = ++this.#searchSeq;
    this.#searchAbort?.abort();
    const abort = new AbortController();
    this.#searchAbort = abort;
    this.#els.root.classList.add('busy');
    this.setAttribute('aria-busy', 'true');

    let body;
    try {
      const response = await fetch(url, { signal: abort.signal, headers: { Accept: 'application/json' } });
      if (response.status === 404 && state.view === 'quotes') {
        // A server without quote search: offer articles only.
        this.#quotesAvailable = false;
        this.#els.views.hidden = true;
        this.#finish();
        this.#update({ view: 'articles', page: 1 }, { push: false });
        return;
      }
      if (!response.ok) throw await this.#problem(response);
      body = await response.json();
    } catch (error) {
      if (abort.signal.aborted || seq !== this.#searchSeq) return;
      this.#finish();
      this.#showError(error);
      return;
    }
    if (seq !== this.#searchSeq) return;
    this.#finish();
    this.#lastResponse = body;
    this.#lastUrl = url;
    this.#els.message.hidden = true;
    this.#els.panel.hidden = false;
    this.#render(body);
    this.dispatchEvent(new CustomEvent('summit-results', { detail: { view: state.view, total: body?.total ?? 0 },
      bubbles: true, composed: true }));
    if (!this.#applyReturn() && focusResults) this.#els.resultsHeading.focus();
  }

  /** Back where a page was opened from: the element that opened it focused, the window scrolled as it was. */
  #applyReturn() {
    const back = this.#pendingReturn;
    this.#pendingReturn = null;
    if (!back) return false;
    const matches = back.focus ? [...this.#root.querySelectorAll(back.focus.selector)] : [];
    const target = matches[back.focus?.index] ?? matches[0];
    target?.focus({ preventScroll: true });
    window.scrollTo(window.scrollX, back.scrollY);
    return Boolean(target);
  }

  #finish() {
    this.#els.root.classList.remove('busy');
    this.removeAttribute('aria-busy');
  }

  async #problem(response) {
    if (response.status === 429) {
      const retry = parseInt(response.headers.get('Retry-After') ?? '', 10);
      const wait = Number.isFinite(retry) && retry > 0 ? ` Try again in ${plural(retry, 'second', 'seconds')}.` : ' Please wait a moment and try again.';
      return new ApiError(`Too many searches right now.${wait}`, 429);
    }
    let detail = null;
    try {
      const problem = await response.json();
      detail = problem?.detail || problem?.title || null;
      if (!detail && problem?.errors && typeof problem.errors === 'object') {
        detail = Object.values(problem.errors).flat().filter((x) => typeof x === 'string').join(' ') || null;
      }
    } catch { /* not JSON */ }
    if (response.status === 400) return new ApiError(detail ? String(detail) : 'That search could not be understood.', 400);
    return new ApiError(`The search service had a problem (HTTP ${response.status}). Please try again later.`, response.status);
  }

  async #showError(error) {
    let text = error instanceof ApiError
      ? error.message
      : 'Could not reach the search service. Check your connection and try again.';
    if (!(error instanceof ApiError) && await originRefused(this.endpoint)) text = REFUSED_MESSAGE;
    this.#els.message.textContent = text;
    this.#els.message.hidden = false;
    this.#els.status.textContent = '';
  }

  // -------------------------------------------------------------------------------------------------------------
  // Rendering results.

  #syncControls() {
    const s = this.#state;
    if (!this.#quotesAvailable && s.view === 'quotes') s.view = 'articles';
    for (const button of this.#els.views.querySelectorAll('button')) {
      button.setAttribute('aria-pressed', String(button.dataset.view === s.view));
    }
    this.#els.sort.value = s.sort;
    this.#els.from.value = s.from;
    this.#els.to.value = s.to;
    if (this.#els.input.value.trim() !== s.q && this.#root.activeElement !== this.#els.input) this.#els.input.value = s.q;
  }

  #render(body) {
    const s = this.#state;
    const total = Number(body?.total) || 0;
    const hits = Array.isArray(body?.hits) ? body.hits : [];
    const noun = s.view === 'quotes' ? ['quote', 'quotes'] : ['result', 'results'];
    let status = plural(total, ...noun);
    if (s.q) status += ` for ${quotedQuery(s.q)}`;
    if (body?.typoTolerance) status += ' (including close spellings)';
    this.#els.status.textContent = status;

    const dym = typeof body?.didYouMean === 'string' && body.didYouMean.trim() ? body.didYouMean.trim() : null;
    this.#els.didYouMean.hidden = !dym;
    if (dym) this.#els.didYouMean.querySelector('button').textContent = dym;

    this.#renderFacets(body);
    this.#renderHistogram(body);
    const items = hits.map((hit) => (s.view === 'quotes' ? this.#quoteHit(hit) : this.#articleHit(hit)));
    if (!items.length) {
      items.push(el('li', { class: 'empty', text: hasCriteria(s) && total === 0
        ? 'Nothing matched. Try fewer words or remove a filter.' : 'No more results.' }));
    }
    this.#els.hits.replaceChildren(...items);

    const pageSize = Number(body?.pageSize) || this.#pageSize();
    const pages = Math.max(1, Math.ceil(total / pageSize));
    const page = Number(body?.page) || s.page;
    this.#els.pager.hidden = pages <= 1 && page <= 1;
    this.#els.pageInfo.textContent = `Page ${page} of ${pages}`;
    this.#els.pager.querySelector('[data-page=prev]').disabled = page <= 1;
    this.#els.pager.querySelector('[data-page=next]').disabled = page >= pages;
  }

  #meta(hit) {
    const date = formatDate(hit.date);
    return el('div', { class: 'meta', part: 'meta' },
      date ? el('time', { datetime: String(hit.date), text: date }) : null,
      hit.source ? el('span', { class: 'source', text: hit.source }) : null,
      hit.dateline ? el('span', { class: 'dateline', text: hit.dateline }) : null,
      hit.author ? el('span', { class: 'author', text: `By ${hit.author}` }) : null);
  }

  #articleHit(hit) {
    const url = safeUrl(hit.url);
    // titleHtml: the title escaped, with matches marked; older servers send only the plain title.
    const title = typeof hit.titleHtml === 'string' && hit.titleHtml
      ? appendMarked(document.createDocumentFragment(), hit.titleHtml)
      : document.createTextNode(hit.title || 'Untitled');
    const heading = el('h3', { part: 'title' }, this.#articleLink(hit.id, title));
    const meta = this.#meta(hit);
    if (url) meta.append(el('a', { href: url, rel: 'noopener', class: 'original', text: `Original at ${hostName(url) || 'the source'}` }));
    const li = el('li', { class: 'hit', part: 'result' }, heading, meta);
    for (const snippet of (Array.isArray(hit.snippets) ? hit.snippets : []).slice(0, 3)) {
      li.append(appendMarked(el('p', { class: 'snippet', part: 'snippet' }), snippet));
    }
    for (const quote of (Array.isArray(hit.quotes) ? hit.quotes : []).slice(0, 2)) {
      const block = el('blockquote', { part: 'quote' }, appendMarked(el('p'), quote?.text ?? ''));
      if (quote?.speaker) block.append(el('div', { class: 'speaker' }, '— ', this.#entity('speaker', quote.speaker)));
      li.append(block);
    }
    if (isGlobalVoices(hit.source)) li.append(this.#credit(hit, url));
    return li;
  }

  // Global Voices content is CC BY 3.0: every result names the author and links the original.
  #credit(hit, url) {
    return el('p', { class: 'credit', part: 'credit' },
      `${hit.author ? `By ${hit.author}, ` : ''}`,
      url ? el('a', { href: url, rel: 'noopener', text: 'original article on Global Voices' }) : 'Global Voices',
      ', licensed under ',
      el('a', { href: 'https://creativecommons.org/licenses/by/3.0/', rel: 'license noopener', text: 'CC BY 3.0' }),
      '.');
  }

  #quoteHit(hit, { speaker = true } = {}) {
    const block = el('blockquote', { part: 'quote' }, appendMarked(el('p'), hit.text ?? ''));
    if (hit.speaker && speaker) block.append(el('div', { class: 'speaker' }, '— ', this.#entity('speaker', hit.speaker)));
    const url = safeUrl(hit.url);
    const date = formatDate(hit.date);
    const title = hit.articleTitle || 'Untitled article';
    const li = el('li', { class: 'hit quote-hit', part: 'result' }, block,
      hit.articleId || hit.articleTitle
        ? el('div', { class: 'from' }, 'From ',
          hit.articleId ? this.#articleLink(hit.articleId, el('cite', { text: title }))
            : url ? el('a', { href: url, rel: 'noopener', text: title }) : el('cite', { text: title }))
        : null,
      el('div', { class: 'meta', part: 'meta' },
        date ? el('time', { datetime: String(hit.date), text: date }) : null,
        hit.source ? el('span', { text: hit.source }) : null,
        Number(hit.reportedBy) > 1 ? el('span', { text: `in ${Number(hit.reportedBy)} articles` }) : null));
    if (isGlobalVoices(hit.source)) li.append(this.#credit(hit, url));
    return li;
  }

  #renderFacets(body) {
    const s = this.#state;
    const facets = body?.facets && typeof body.facets === 'object' ? body.facets : {};
    const groups = [];
    for (const [dim, title] of FACETS[s.view]) {
      const values = Array.isArray(facets[dim]) ? facets[dim].filter((f) => f && f.value) : [];
      for (const f of values) if (f.label) this.#labels.set(`${dim}\u0000${f.value}`, f.label);
      // Selected values stay visible even when the response no longer lists them.
      const chosen = s.filters[dim];
      const listed = new Set(values.map((f) => f.value));
      const all = [...values];
      for (const v of chosen) if (!listed.has(v)) all.unshift({ value: v, count: 0, selected: true });
      if (!all.length) continue;
      const expanded = this.#expanded.has(dim);
      const shown = expanded ? all : all.filter((f, i) => i < FACET_LIMIT || chosen.includes(f.value));
      const groupId = `facet-${dim}`;
      const group = el('div', { class: 'facet', part: `facet facet-${dim}`, role: 'group', 'aria-labelledby': groupId },
        el('div', { class: 'legend', id: groupId, text: title }),
        el('div', { class: 'chips' }, ...shown.map((f) => {
          const on = chosen.includes(f.value);
          const label = this.#label(dim, f.value);
          const chip = el('button', { type: 'button', class: 'chip', part: on ? 'chip chip-selected' : 'chip',
            'aria-pressed': String(on), 'data-dim': dim, 'data-value': f.value, title: label },
          el('span', { class: 'text', text: label }),
          el('span', { class: 'count' }, String(Number(f.count) || 0), el('span', { class: 'vh',
            text: ` ${Number(f.count) === 1 ? (s.view === 'quotes' ? 'quote' : 'result') : (s.view === 'quotes' ? 'quotes' : 'results')}` })));
          // A person, organisation or speaker also has its page, one small button beside the filter.
          return ENTITY_DIMS.has(dim) ? el('span', { class: 'chip-pair' }, chip, this.#entity(dim, f.value, label, { about: true })) : chip;
        })));
      if (all.length > FACET_LIMIT) {
        group.append(el('button', { type: 'button', class: 'linkish more', 'data-more': dim,
          'aria-expanded': String(expanded), text: expanded ? 'Show fewer' : `Show all ${all.length}` }));
      }
      groups.push(group);
    }
    this.#els.groups.replaceChildren(...groups);
    if (this.#refocus) {
      // Only when focus went down with the old chip: never pull it away from where the reader has moved on to.
      if (!this.#root.activeElement) this.#els.groups.querySelector(this.#refocus)?.focus();
      this.#refocus = null;
    }

    const active = [];
    for (const dim of FILTER_DIMENSIONS) {
      for (const v of s.filters[dim]) {
        const label = this.#label(dim, v);
        active.push(el('button', { type: 'button', class: 'chip', part: 'chip chip-remove', 'data-dim': dim,
          'data-value': v, 'aria-label': `Remove filter ${KIND_LABELS[dim] ?? dim}: ${label}` },
        el('span', { class: 'text', text: label }), el('span', { class: 'x', 'aria-hidden': 'true', text: '×' })));
      }
    }
    if (active.length || s.from || s.to) {
      active.push(el('button', { type: 'button', class: 'linkish', 'data-clear': '', text: 'Clear filters' }));
    }
    this.#els.selected.replaceChildren(...active);
    const count = FILTER_DIMENSIONS.reduce((n, d) => n + s.filters[d].length, 0) + (s.from ? 1 : 0) + (s.to ? 1 : 0);
    this.#els.summary.textContent = count ? `Filters (${count})` : 'Filters';
  }

  #label(dim, value) { return this.#labels.get(`${dim}\u0000${value}`) ?? value; }

  // -------------------------------------------------------------------------------------------------------------
  // Entities, article links, the histogram.

  /**
   * A person, organisation, country, speaker or source, wherever one is named (facet values, reader chips, home page,
   * entity pages, quote speakers): one button, handled by #openEntity. A person, organisation or speaker opens its
   * entity page; a country or source filters by it. `about` is the small button beside a facet value's filter chip.
   */
  #entity(dim, value, label = value, { count = null, chip = false, about = false, title = null } = {}) {
    this.#labels.set(`${dim}\u0000${value}`, label);
    const page = ENTITY_DIMS.has(dim);
    if (about) {
      return el('button', { type: 'button', class: 'about entity', part: 'entity entity-about', 'data-entity': dim,
        'data-value': value, 'aria-label': `About ${label}`, title: `About ${label}` },
      el('span', { class: 'i', 'aria-hidden': 'true', text: 'i' }));
    }
    return el('button', { type: 'button', class: chip ? 'chip entity' : 'linkish entity', part: 'entity',
      'data-entity': dim, 'data-value': value, title: title ?? `${page ? 'About' : 'Articles about'} ${label}` },
    chip ? el('span', { class: 'text', text: label }) : label,
    count === null ? null : el('span', { class: 'count' }, String(count),
      el('span', { class: 'vh', text: count === 1 ? ' article' : ' articles' })));
  }

  #openEntity(dim, value, source = null) {
    if (ENTITY_DIMS.has(dim)) { this.#openLayer({ entity: `${dim}:${value}`, article: '' }, source); return; }
    // A country on an entity page: that entity's articles in the country (the count the chip shows).
    const shown = source?.closest?.('article.entity') ? this.#entityShown : null;
    const filters = { [dim]: [value] };
    if (shown && dim === 'country' && FILTER_DIMENSIONS.includes(shown.type)) filters[shown.type] = [shown.name];
    this.#searchBy(filters);
  }

  /** A new search filtered by the given values only (no words, no dates unless given). */
  #searchBy(values, { view = 'articles', from = '', to = '' } = {}) {
    const filters = emptyState().filters;
    for (const [dim, list] of Object.entries(values)) if (filters[dim]) filters[dim].push(...list);
    this.#els.input.value = '';
    this.#update({ q: '', filters, from, to, page: 1, view: view === 'quotes' && this.#quotesAvailable ? 'quotes' : 'articles',
      article: '', entity: '' });
    this.#els.resultsHeading.focus({ preventScroll: true });
  }

  /** Opens the reader or an entity page over what is shown, remembering where to come back to. */
  #openLayer(changes, source = null) {
    this.#trail.push({ state: structuredClone(this.#state), key: stateKey(this.#state),
      focus: describeFocus(source ?? this.#root.activeElement, this.#root), scrollY: window.scrollY });
    if (this.#trail.length > 50) this.#trail.shift();
    this.#cancelSuggest();
    this.#update(changes, { layer: true });
  }

  #closeLayer() {
    if (this.syncUrl && history.state?.summit && history.state.layer) { history.back(); return; }
    const back = this.#trail.pop();
    if (back) { this.#pendingReturn = back; this.#update(back.state); return; }
    this.#update(this.#state.article ? { article: '' } : { entity: '' });
  }

  /** A link that opens the article in the reader (a real URL, so it can be opened in a new tab with sync-url). */
  #articleLink(id, content) {
    const url = this.syncUrl ? urlFor({ ...this.#state, article: String(id ?? '') }) : new URL(location.href);
    return el('a', { href: url.href, 'data-article': String(id ?? ''), class: 'article-link' }, content);
  }

  #openArticle(id, source = null) {
    this.#openLayer({ article: id }, source);
  }

  #renderHistogram(body) {
    const box = this.#els.histogram;
    const s = this.#state;
    const chart = s.view === 'quotes' ? null : timelineChart(body?.dateHistogram, {
      ids: { title: 'histogram-title', summary: 'histogram-summary' }, maxMonths: 36,
      title: (unit) => `Coverage by ${unit}`, hint: '. Choose a bar to show only that period; arrow keys move between bars.',
      selected: (b) => s.from === b.value && s.to === b.value });
    if (!chart) { box.hidden = true; box.replaceChildren(); return; }
    box.replaceChildren(...chart.nodes);
    box.hidden = false;
  }

  #choosePeriod(period) {
    const s = this.#state;
    const on = s.from === period && s.to === period;
    this.#update(on ? { from: '', to: '', page: 1 } : { from: period, to: period, page: 1 });
  }

  // -------------------------------------------------------------------------------------------------------------
  // The reader.

  async #showArticle(id) {
    const seq = ++this.#articleSeq;
    const { reader, panel, home, message, status, didYouMean } = this.#els;
    this.#searchAbort?.abort();
    this.#hideEntity();
    this.#finish();
    panel.hidden = true;
    home.hidden = true;
    message.hidden = true;
    didYouMean.hidden = true;
    status.textContent = '';
    reader.hidden = false;
    reader.replaceChildren(this.#backButton(), el('p', { class: 'empty', text: 'Loading the article…' }));
    let details;
    try {
      details = await this.#getJson(`/api/articles/${encodeURIComponent(id)}`);
      if (details === null) throw new ApiError('That article is not in the archive (any more).', 404);
    } catch (error) {
      if (seq !== this.#articleSeq) return;
      reader.replaceChildren(this.#backButton());
      this.#showError(error);
      return;
    }
    if (seq !== this.#articleSeq) return;
    this.#renderArticle(details);
  }

  /** GET from the API: the parsed answer, null for 404, an ApiError for any other failure. */
  async #getJson(path) {
    const response = await fetch(`${this.endpoint}${path}`, { headers: { Accept: 'application/json' } });
    if (response.status === 404) return null;
    if (!response.ok) throw await this.#problem(response);
    return response.json();
  }

  /** Back to where the reader or entity page was opened from (or, opened from a link, to what lies under it). */
  #backButton() {
    const s = this.#state;
    const to = this.#trail.at(-1)?.state ?? (s.article && s.entity ? { ...s, article: '' } : { ...s, article: '', entity: '' });
    const text = to.article ? '← Back to the article'
      : to.entity ? `← Back to ${parseEntity(to.entity).name}`
        : hasCriteria(to) ? '← Back to results' : '← Back to search';
    return el('button', { type: 'button', class: 'linkish back', 'data-close-reader': '', text });
  }

  #renderArticle(a) {
    const { reader } = this.#els;
    const url = safeUrl(a.url);
    const heading = el('h2', { id: 'reader-title', tabindex: '-1', part: 'reader-title', text: a.title || 'Untitled article' });
    const parts = [this.#backButton(), heading, this.#meta(a)];
    if (url) parts.push(el('a', { class: 'original', href: url, rel: 'noopener', text: `Read the original at ${hostName(url) || 'the source'}` }));
    if (isGlobalVoices(a.source)) parts.push(this.#credit(a, url));
    parts.push(this.#articleBody(String(a.body ?? ''), Array.isArray(a.quotes) ? a.quotes : []));

    // Persons, organisations, countries (whatever dimensions the API filters by) as chips that filter by them.
    const groups = [];
    for (const dim of FILTER_DIMENSIONS) {
      if (dim === 'speaker' || dim === 'source') continue;
      const values = detailValues(a, dim);
      if (!values.length) continue;
      const seen = new Set();
      const unique = values.filter((v) => !seen.has(v.value) && seen.add(v.value));
      const legendId = `reader-${dim}`;
      groups.push(el('div', { class: 'facet', role: 'group', 'aria-labelledby': legendId },
        el('div', { class: 'legend', id: legendId, text: PLURAL_LABELS[dim] ?? KIND_LABELS[dim] ?? dim }),
        el('div', { class: 'chips' }, ...unique.map((v) => this.#entity(dim, v.value, v.label, { chip: true })))));
    }
    if (groups.length) parts.push(el('h3', { text: 'In this article' }), el('div', { class: 'entity-groups' }, ...groups));

    const speakers = [...new Set([...(Array.isArray(a.speakers) ? a.speakers : []),
      ...(Array.isArray(a.quotes) ? a.quotes.map((q) => q?.speaker) : [])].filter((x) => typeof x === 'string' && x))];
    if (speakers.length) {
      parts.push(el('h3', { text: 'Quoted' }), el('ul', { class: 'speakers' }, ...speakers.map((name) => el('li', {},
        this.#entity('speaker', name),
        this.#quotesAvailable
          ? el('button', { type: 'button', class: 'linkish', 'data-quotes-by': name, text: `More quotes by ${name}` })
          : null))));
    }
    reader.replaceChildren(...parts);
    if (this.#applyReturn()) return;
    heading.focus({ preventScroll: true });
    reader.scrollIntoView({ block: 'start' });
  }

  /** The full text in paragraphs, every extracted quote marked with its speaker (on hover and on focus). */
  #articleBody(body, quotes) {
    // Quotes by offset, the longer of two overlapping ones kept, so a quote inside another is marked once.
    const marks = [];
    const sorted = quotes.filter((q) => Number.isInteger(q?.start) && Number.isInteger(q?.end) && q.end > q.start && q.end <= body.length)
      .sort((x, y) => (y.end - y.start) - (x.end - x.start));
    for (const q of sorted) if (!marks.some((m) => q.start < m.end && m.start < q.end)) marks.push(q);
    marks.sort((x, y) => x.start - y.start);

    const container = el('div', { class: 'body', part: 'reader-body' });
    let offset = 0;
    let n = 0;
    for (const line of body.split('\n')) {
      const start = offset;
      const end = start + line.length;
      offset = end + 1;
      if (!line.trim()) continue;
      const p = el('p');
      let at = start;
      for (const m of marks) {
        if (m.end <= start || m.start >= end) continue;
        const from = Math.max(m.start, start);
        const to = Math.min(m.end, end);
        if (from > at) p.append(body.slice(at, from));
        const speaker = typeof m.speaker === 'string' && m.speaker ? m.speaker : null;
        const said = speaker ? `${speaker}` : 'Speaker not identified';
        p.append(el('span', { class: 'quote', part: 'reader-quote', tabindex: '0', 'data-speaker': speaker ?? '', 'data-quote': String(n++) },
          body.slice(from, to),
          el('span', { class: 'vh', text: speaker ? ` (said ${speaker})` : ' (speaker not identified)' }),
          el('span', { class: 'said', 'aria-hidden': 'true', text: said })));
        at = to;
      }
      if (at < end) p.append(body.slice(at, end));
      container.append(p);
    }
    return container;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Entity pages: a person or organisation (GET /api/entities/{type}/{name}).

  #hideEntity() {
    const { entity } = this.#els;
    if (entity.hidden && !entity.firstChild) return;
    entity.hidden = true;
    entity.replaceChildren();
    this.#entitySeq++;
    this.#entityShown = null;
  }

  async #showEntity(value) {
    const seq = ++this.#entitySeq;
    const { entity, reader, panel, home, message, status, didYouMean } = this.#els;
    this.#searchAbort?.abort();
    this.#finish();
    panel.hidden = true;
    home.hidden = true;
    reader.hidden = true;
    message.hidden = true;
    didYouMean.hidden = true;
    status.textContent = '';
    entity.hidden = false;
    const { type, name } = parseEntity(value);
    // A speaker is a person or an organisation: whichever the archive knows by that name.
    const types = type === 'speaker' ? ['person', 'organization'] : [type];
    let details = types.map((t) => this.#entityCache.get(`${t}:${name}`.toLowerCase())).find(Boolean) ?? null;
    if (!details) {
      this.#entityShown = null;
      entity.replaceChildren(this.#backButton(), el('p', { class: 'empty', text: `Loading ${name}…` }));
      try {
        for (const t of types) {
          details = await this.#getJson(`/api/entities/${encodeURIComponent(t)}/${encodeURIComponent(name)}`);
          if (details || seq !== this.#entitySeq) break;
        }
      } catch (error) {
        if (seq !== this.#entitySeq) return;
        entity.replaceChildren(this.#backButton());
        this.#showError(error);
        return;
      }
      if (seq !== this.#entitySeq) return;
      if (details) {
        if (this.#entityCache.size > 30) this.#entityCache.delete(this.#entityCache.keys().next().value);
        this.#entityCache.set(`${type === 'speaker' ? details.type : type}:${name}`.toLowerCase(), details);
      }
    }
    if (!details || typeof details !== 'object') { this.#renderEntityMissing(type, name); return; }
    // The URL names the entity as the archive does: its type and canonical name.
    const canonical = `${details.type === 'organization' ? 'organization' : 'person'}:${details.name || name}`;
    if (canonical !== this.#state.entity) {
      this.#state = { ...this.#state, entity: canonical };
      if (this.syncUrl) history.replaceState(history.state, '', urlFor(this.#state));
    }
    this.#renderEntity(details);
  }

  #renderEntityMissing(type, name) {
    const { entity } = this.#els;
    const what = type === 'organization' ? 'organisation' : type === 'person' ? 'person' : 'person or organisation';
    const heading = el('h2', { id: 'entity-title', tabindex: '-1', text: name || 'Not found' });
    entity.replaceChildren(this.#backButton(), heading,
      el('p', { class: 'empty missing', text: `There is no ${what} called “${name}” in the archive.` }),
      name ? el('p', {}, el('button', { type: 'button', class: 'linkish', 'data-example': name, text: `Search the articles for “${name}”` })) : null);
    heading.focus({ preventScroll: true });
  }

  #renderEntity(d) {
    const { entity } = this.#els;
    const type = d.type === 'organization' ? 'organization' : 'person';
    const name = String(d.name);
    this.#entityShown = { type, name };
    const articles = Number(d.articles) || 0;
    const quotes = Number(d.quotes) || 0;
    const heading = el('h2', { id: 'entity-title', tabindex: '-1', part: 'entity-title', text: name });
    const parts = [this.#backButton(), el('p', { class: 'kind', text: type === 'organization' ? 'Organisation' : 'Person' }), heading];

    const aliases = (Array.isArray(d.aliases) ? d.aliases : []).filter((a) => typeof a === 'string' && a && a !== name);
    if (aliases.length) parts.push(el('p', { class: 'aliases' }, 'Also written as ', el('span', { class: 'names', text: aliases.join(', ') })));

    // The counts, each the search that finds them.
    const stat = (n, one, many, kind, about, available) => {
      const body = [el('strong', { text: n.toLocaleString() }), el('span', {}, n === 1 ? one : many, el('span', { class: 'vh', text: ` ${about}` }))];
      return n > 0 && available
        ? el('button', { type: 'button', class: 'stat', 'data-entity-search': kind, title: `Show the ${n === 1 ? one : many} ${about}` }, ...body)
        : el('span', { class: 'stat' }, ...body);
    };
    parts.push(el('div', { class: 'counts', part: 'entity-counts' },
      stat(articles, 'article', 'articles', 'articles', `about ${name}`, FILTER_DIMENSIONS.includes(type)),
      stat(quotes, 'quote', 'quotes', 'quotes', `by ${name}`, this.#quotesAvailable)));

    // Mentions over time: the chart (a bar runs the search for that period), a table as its text alternative.
    const chart = timelineChart(d.months, { ids: { title: 'entity-chart-title', summary: 'entity-chart-summary' }, maxMonths: 72,
      title: (unit) => `Articles by ${unit}`, hint: `. Choose a bar to show that period's articles about ${name}; arrow keys move between bars.` });
    const timeline = el('div', { class: 'timeline' }, el('h3', { text: 'Mentions over time' }));
    if (chart) {
      const period = chart.unit === 'year' ? 'Year' : 'Month';
      timeline.append(el('div', { class: 'histogram', part: 'histogram entity-timeline' }, ...chart.nodes),
        el('details', { class: 'table' }, el('summary', { text: 'Show as a table' }),
          el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': `Articles about ${name} by ${chart.unit}` },
            el('table', {},
              el('caption', { class: 'vh', text: `Articles about ${name} by ${chart.unit}` }),
              el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: period }), el('th', { scope: 'col', class: 'n', text: 'Articles' }))),
              el('tbody', {}, ...chart.buckets.map((b) => el('tr', {},
                el('th', { scope: 'row', text: formatPeriod(b.value) }), el('td', { class: 'n', text: b.count.toLocaleString() }))))))));
    } else {
      timeline.append(el('p', { class: 'empty', text: articles ? `None of the articles about ${name} has a date.` : `No articles mention ${name}.` }));
    }

    const latest = Array.isArray(d.latestQuotes) ? d.latestQuotes.filter((q) => q && q.text) : [];
    const quoteList = el('div', { class: 'latest-quotes' }, el('h3', { text: 'Latest quotes' }),
      latest.length ? el('ol', { class: 'hits' }, ...latest.map((hit) => this.#quoteHit(hit, { speaker: false })))
        : el('p', { class: 'empty', text: `No quotes by ${name} in the archive.` }));

    const persons = (Array.isArray(d.persons) ? d.persons : []).filter((f) => f && f.value && f.value !== name);
    const countries = (Array.isArray(d.countries) ? d.countries : []).filter((f) => f && f.value);
    const related = el('div', { class: 'related' },
      el('h3', { id: 'entity-persons', text: 'Most often mentioned with' }),
      persons.length
        ? el('div', { class: 'chips', role: 'group', 'aria-labelledby': 'entity-persons' }, ...persons.map((f) => this.#entity('person', f.value,
          String(f.label || f.value), { chip: true, count: Number(f.count) || 0 })))
        : el('p', { class: 'empty', text: `No other person is named with ${name}.` }),
      el('h3', { id: 'entity-countries', text: 'Countries' }),
      countries.length && FILTER_DIMENSIONS.includes('country')
        ? el('div', { class: 'chips', role: 'group', 'aria-labelledby': 'entity-countries' }, ...countries.map((f) => this.#entity('country', f.value,
          String(f.label || f.value), { chip: true, count: Number(f.count) || 0, title: `Articles about ${name} in ${f.label || f.value}` })))
        : el('p', { class: 'empty', text: 'No countries.' }));

    parts.push(el('div', { class: 'sections' }, timeline, quoteList, related));
    entity.replaceChildren(...parts);
    if (this.#applyReturn()) return;
    heading.focus({ preventScroll: true });
    entity.scrollIntoView({ block: 'start' });
  }

  /** The entity page's counts and timeline bars: its articles (of a period), or its quotes. */
  #searchEntity(kind, period = '') {
    const shown = this.#entityShown;
    if (!shown) return;
    if (kind === 'quotes') this.#searchBy({ speaker: [shown.name] }, { view: 'quotes' });
    else this.#searchBy({ [shown.type]: [shown.name] }, { from: period, to: period });
  }

  // -------------------------------------------------------------------------------------------------------------
  // The home page: what is in the archive now.

  async #showHome() {
    const { home } = this.#els;
    if (!this.hasAttribute('home')) { home.hidden = true; return; }
    home.hidden = false;
    if (this.#homeLoaded) { this.#applyReturn(); return; }
    this.#homeLoaded = true;
    const get = (path) => this.#getJson(path);
    home.replaceChildren(this.#homeHelp());
    try {
      const latest = await get('/api/search?pageSize=5&sort=date&facetLimit=1&dateHistogram=month');
      const months = (Array.isArray(latest?.dateHistogram) ? latest.dateHistogram : [])
        .filter((b) => /^\d{4}-\d{2}$/.test(String(b?.value ?? ''))).map((b) => ({ value: String(b.value), count: Number(b.count) || 0 }))
        .sort((a, b) => (a.value < b.value ? -1 : 1));
      const sections = [];
      if (months.length) {
        // The latest period: back from the newest article's month until it holds enough articles to rank names
        // (HOME_PERIOD_ARTICLES), at most a year.
        const newest = months.at(-1).value;
        const index = (v) => Number(v.slice(0, 4)) * 12 + Number(v.slice(5, 7)) - 1;
        let from = newest;
        let articles = 0;
        for (const m of [...months].reverse()) {
          if (index(newest) - index(m.value) >= 12) break;
          from = m.value;
          articles += m.count;
          if (articles >= HOME_PERIOD_ARTICLES) break;
        }
        const period = await get(`/api/search?pageSize=1&facetLimit=8&from=${from}&to=${newest}`);
        sections.push(this.#homeTop(period?.facets ?? {}, from, newest));
      }
      sections.push(this.#homeLatest(Array.isArray(latest?.hits) ? latest.hits : []));
      if (this.#quotesAvailable) {
        try {
          const quotes = await get('/api/quotes?pageSize=4&sort=date');
          sections.push(this.#homeQuotes(Array.isArray(quotes?.hits) ? quotes.hits : []));
        } catch { /* no quote search: no quotes on the home page */ }
      }
      home.replaceChildren(...sections, this.#homeHelp());
      this.#applyReturn();
    } catch (error) {
      this.#homeLoaded = false;
      this.#showError(error);
    }
  }

  #homeTop(facets, from, to) {
    const groups = [];
    for (const dim of ['person', 'organization', 'country']) {
      if (!FILTER_DIMENSIONS.includes(dim)) continue;
      const values = Array.isArray(facets[dim]) ? facets[dim].filter((f) => f && f.value) : [];
      if (!values.length) continue;
      groups.push(el('h3', { text: PLURAL_LABELS[dim] }),
        el('div', { class: 'chips' }, ...values.map((f) => this.#entity(dim, f.value, f.label || f.value,
          { chip: true, count: Number(f.count) || 0 }))));
    }
    return el('section', { class: 'top', 'aria-labelledby': 'home-top' },
      el('h2', { id: 'home-top', text: `Most mentioned, ${from === to ? formatPeriod(from) : `${formatPeriod(from)} – ${formatPeriod(to)}`}` }),
      ...groups);
  }

  #homeLatest(hits) {
    return el('section', { class: 'latest-articles', 'aria-labelledby': 'home-latest' },
      el('h2', { id: 'home-latest', text: 'Latest articles' }),
      el('ul', { class: 'latest' }, ...hits.map((hit) => el('li', {},
        this.#articleLink(hit.id, document.createTextNode(hit.title || 'Untitled article')), this.#meta(hit)))));
  }

  #homeQuotes(hits) {
    return el('section', { class: 'latest-quotes span', 'aria-labelledby': 'home-quotes' },
      el('h2', { id: 'home-quotes', text: 'Latest quotes' }),
      el('ol', { class: 'hits' }, ...hits.map((hit) => this.#quoteHit(hit))));
  }

  #homeHelp() {
    const examples = ['Putin', '"trade deal"', 'climate -coal', 'speaker:biden ukraine', 'country:japan', 'negot*'];
    const syntax = [
      ['climate change', 'articles with both words (talks also finds talk)'],
      ['"trade deal"', 'the exact phrase'],
      ['china -taiwan', 'without a word (or NOT taiwan)'],
      ['iran OR iraq', 'either word; (brackets) group'],
      ['negot*', 'words starting with negot'],
      ['title:kyiv', 'in the title; also quote:, speaker:, person:, country:'],
    ];
    return el('section', { class: 'help span', 'aria-labelledby': 'home-try' },
      el('h2', { id: 'home-try', text: 'Try a search' }),
      el('div', { class: 'examples' }, ...examples.map((q) => el('button', { type: 'button', class: 'chip', 'data-example': q, text: q }))),
      el('details', { class: 'syntax' }, el('summary', { text: 'Search tips' }),
        el('dl', {}, ...syntax.flatMap(([q, what]) => [el('dt', {}, el('code', { text: q })), el('dd', { text: what })]))));
  }
}

if (!customElements.get('summit-search')) customElements.define('summit-search', SummitSearchElement);
