// Placeholder so the desk's routes compile; deskhist replaces it with the real screen.
import { ScreenPlaceholder } from '../components/ScreenPlaceholder';

export default function CorrectionsScreen() {
  return <ScreenPlaceholder title="Corrections from readers" />;
}
