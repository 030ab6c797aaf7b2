export function FormError({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p role="alert" className="notice notice-error">
      {error}
    </p>
  );
}
