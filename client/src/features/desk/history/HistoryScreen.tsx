// Placeholder so the desk's routes compile; deskhist replaces it with the real screen.
import { ScreenPlaceholder } from '../components/ScreenPlaceholder';

export default function HistoryScreen({ eventId }: { eventId: string }) {
  return <ScreenPlaceholder title="History" detail={`The history of event ${eventId} is not built yet.`} />;
}
