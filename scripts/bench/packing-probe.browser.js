async (shape) => {
  const rows = globalThis.rows;
  const req = (r) => new Promise((ok, ko) => ((r.onsuccess = () => ok(r.result)), (r.onerror = () => ko(r.error))));
  const name = `probe-${shape}-${Math.random()}`;
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => {
    const db = open.result;
    if (shape.startsWith('rows')) {
      const s = db.createObjectStore('s', { keyPath: 'id' });
      if (shape === 'rows2idx') { s.createIndex('pageUrl', 'pageUrl'); s.createIndex('sur', 'stateUnderReviewCode'); }
    } else {
      const s = db.createObjectStore('s', { keyPath: 'key' });
      if (shape.includes('ids')) s.createIndex('ids', 'ids', { multiEntry: true });
    }
  };
  const db = await req(open);
  const start = performance.now();
  const size = Number(shape.match(/chunk(\d+)/)?.[1] ?? 0);
  for (let b = 0; b < rows.length; b += 5000) {
    const batch = rows.slice(b, b + 5000);
    const tx = db.transaction('s', 'readwrite', { durability: 'relaxed' });
    const s = tx.objectStore('s');
    if (size === 0) for (const r of batch) s.put(r);
    else {
      const byState = new Map();
      for (const r of batch) { const k = r.stateUnderReviewCode ?? ''; if (!byState.has(k)) byState.set(k, []); byState.get(k).push(r); }
      for (const [state, list] of byState) for (let i = 0; i < list.length; i += size) {
        const part = list.slice(i, i + size);
        s.put({ key: [state, `${b}-${i}`, part.length], ids: shape.includes('ids') ? part.map((r) => r.id) : undefined, rows: part });
      }
    }
    await new Promise((ok, ko) => ((tx.oncomplete = ok), (tx.onerror = ko)));
  }
  const ms = performance.now() - start;
  let readMs = 0;
  if (shape === 'rows0') {} else if (size > 0) {
    const t = performance.now();
    const tx = db.transaction('s', 'readonly');
    const got = await req(tx.objectStore('s').getAll(IDBKeyRange.bound(['FIN'], ['FIN', []])));
    readMs = performance.now() - t;
  } else {
    const t = performance.now();
    const tx = db.transaction('s', 'readonly');
    const got = await req(tx.objectStore('s').index('sur').getAll('FIN'));
    readMs = performance.now() - t;
  }
  db.close();
  indexedDB.deleteDatabase(name);
  return [Math.round(ms), Math.round(readMs * 10) / 10];
}
