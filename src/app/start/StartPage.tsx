// The clerk's start screen: the agency's reports and a form to begin a new one.
import { AppHeader } from '../components/AppHeader.tsx';
import { ReminderList } from '../reminders/Reminders.tsx';
import { NewReport } from './NewReport.tsx';
import { ReportList } from './ReportList.tsx';

export function StartPage() {
  return (
    <div className="start">
      <AppHeader />
      <main className="start-body">
        <ReminderList />
        <ReportList />
        <NewReport />
      </main>
    </div>
  );
}
