// The desk's first screen: what an editor can do from here.
import { deskPaths, linkProps } from '../routes';

export default function OverviewScreen() {
  return (
    <section aria-labelledby="desk-screen-title">
      <h2 id="desk-screen-title">Overview</h2>
      <p>
        Open an event on the <a href="/">timeline</a> and choose “Edit”, or <a {...linkProps(deskPaths.newEvent())}>create a new event</a>.
      </p>
    </section>
  );
}
