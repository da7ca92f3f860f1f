// The RFC view while the server reads the cache: the three columns' shapes (§8.1); one on a phone.
export default function Loading() {
  const bar = (w: string) => <div className="h-4 animate-pulse rounded bg-slate-200" style={{ width: w }} />;
  return (
    <div className="grid h-[calc(100dvh-3.5rem-1px)] grid-cols-1 md:grid-cols-[minmax(0,1fr)_minmax(320px,380px)] cols:grid-cols-[280px_minmax(0,1fr)_380px] 2xl:grid-cols-[300px_minmax(0,1fr)_440px]" aria-busy="true" aria-label="Loading the RFC">
      <div className="hidden space-y-3 border-r border-slate-200 bg-white p-4 cols:block">
        {bar("40%")}
        {bar("80%")}
        {bar("70%")}
        <div className="h-6" />
        {bar("30%")}
        {bar("90%")}
        {bar("85%")}
        {bar("75%")}
      </div>
      <div className="flex flex-col bg-slate-50">
        <div className="h-[5.5rem] border-b border-slate-200 bg-white p-4">{bar("45%")}</div>
        <div className="mx-auto w-full max-w-[52rem] space-y-4 px-4 py-5 sm:px-8 md:px-12 md:py-8">
          <div className="h-7 w-1/2 animate-pulse rounded bg-slate-200" />
          {bar("95%")}
          {bar("88%")}
          {bar("92%")}
          {bar("60%")}
        </div>
      </div>
      <div className="hidden space-y-3 border-l border-slate-200 bg-white p-4 md:block">
        {bar("60%")}
        <div className="h-16 animate-pulse rounded-lg bg-slate-100" />
        <div className="h-16 animate-pulse rounded-lg bg-slate-100" />
      </div>
    </div>
  );
}
