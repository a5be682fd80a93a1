import { useEffect, useState } from 'react'

export type Route = { screen: 'home' } | { screen: 'trash' } | { screen: 'editor'; id: string }

/** The screen lives in the URL hash, so a reload reopens the same draft. */
export function parseRoute(hash: string): Route {
  const editor = /^#\/draft\/([0-9a-f-]{36})$/.exec(hash)
  if (editor) return { screen: 'editor', id: editor[1]! }
  if (hash === '#/trash') return { screen: 'trash' }
  return { screen: 'home' }
}

export function navigate(route: Route): void {
  window.location.hash =
    route.screen === 'editor' ? `#/draft/${route.id}` : route.screen === 'trash' ? '#/trash' : '#/'
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash))
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash))
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return route
}
