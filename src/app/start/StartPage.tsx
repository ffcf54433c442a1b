// The start screen: the clerk's reports and a form to begin a new one.
import { NewReport } from './NewReport.tsx';
import { ReportList } from './ReportList.tsx';

export function StartPage() {
  return (
    <div className="start">
      <header className="app-header">
        <h1>
          年报 <small>政府信息公开工作年度报告编制</small>
        </h1>
      </header>
      <main className="start-body">
        <ReportList />
        <NewReport />
      </main>
    </div>
  );
}
