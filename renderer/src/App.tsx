import { EditorScreen } from './editor/EditorScreen.tsx'
import { HomeScreen } from './home/HomeScreen.tsx'
import { useRoute } from './ui/useRoute.ts'

export function App() {
  const route = useRoute()
  if (route.screen === 'editor') return <EditorScreen key={route.id} id={route.id} />
  return <HomeScreen view={route.screen === 'trash' ? 'trash' : 'drafts'} />
}
