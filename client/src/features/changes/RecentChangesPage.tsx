// Placeholder so the /changes route compiles; deskhist replaces it with the public Recent changes page.
export default function RecentChangesPage() {
  return (
    <main id="main">
      <h1>Recent changes</h1>
      <p>This page is not built yet.</p>
    </main>
  );
}
