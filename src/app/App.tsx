export function App() {
  return (
    <main>
      <h1>RouteLab</h1>
      <p>Universal LLM routing explorer (UniRoute). The explorer is being built.</p>
    </main>
  );
}
