// Placeholder so the desk's routes compile; deskintake replaces it with the real screen.
import { ScreenPlaceholder } from '../components/ScreenPlaceholder';

export default function IntakeScreen() {
  return <ScreenPlaceholder title="Article intake" />;
}
