/** A page's title and the paragraph that introduces it. */
export function PageHeader({ title, intro }: { title: string; intro: string }) {
  return (
    <header className="space-y-2">
      <h1 className="text-3xl font-bold">{title}</h1>
      <p className="max-w-3xl">{intro}</p>
    </header>
  );
}
