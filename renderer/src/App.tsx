import { HomeScreen } from './home/HomeScreen.tsx'

export function App() {
  return <HomeScreen />
}
