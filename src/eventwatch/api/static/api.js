// The dashboard reads the same API as everyone else, from the same origin.
export async function get(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value)) value.forEach((v) => v && query.append(key, v));
    else if (value !== null && value !== undefined && value !== "") query.append(key, value);
  }
  const url = query.toString() ? `${path}?${query}` : path;
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) {
    const error = new Error(body.error ? `[${body.error.code}] ${body.error.message}` : response.statusText);
    error.status = response.status;
    throw error;
  }
  return body;
}
