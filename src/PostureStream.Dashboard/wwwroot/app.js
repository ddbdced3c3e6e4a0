// PostureStream dashboard: switches between the live and trend views and starts each.
'use strict';

(async () => {
  const info = await fetch('/api/info').then(r => r.json());
  const views = ['live', 'trends'];
  const show = view => {
    for (const v of views) {
      document.getElementById('view-' + v).hidden = v !== view;
      document.getElementById('tab-' + v).setAttribute('aria-selected', String(v === view));
    }
    if (location.hash !== '#' + view) history.replaceState(null, '', '#' + view);
  };
  for (const v of views) document.getElementById('tab-' + v).addEventListener('click', () => show(v));

  Live.start(info);
  await Trends.start(info);
  const wanted = location.hash.slice(1).split('?')[0]; // '#trends?from=…&to=…' opens the trend view on that range
  show(views.includes(wanted) ? wanted : (info.live ? 'live' : 'trends'));
  document.body.dataset.ready = 'true';
})();
