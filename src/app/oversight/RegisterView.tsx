// The publication register of a year: every published report with when and by whom, its revision,
// each file's SHA-256 and download, and all published files as one .zip.
import { publicationsZipUrl, usePublicationRegister } from '../data/oversight.ts';
import { href } from '../router.ts';
import { chinaDateTime } from './format.ts';
import { YearPicker } from './YearPicker.tsx';

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1048576).toFixed(1)} MB`);

export function RegisterView({ year }: { year: number }) {
  const register = usePublicationRegister(year);
  const entries = register.data ?? [];
  return (
    <main className="office-body register">
      <div className="office-title">
        <h2>{year} 年度发布登记</h2>
        <YearPicker view="register" year={year} />
        {entries.length > 0 && (
          <span className="downloads">
            <a className="button small" href={publicationsZipUrl(year)} download>
              下载全部已发布文件（.zip）
            </a>
          </span>
        )}
      </div>
      {register.isPending ? (
        <p className="loading">正在读取发布登记…</p>
      ) : register.isError ? (
        <p role="alert">无法读取发布登记：{register.error.message}</p>
      ) : entries.length === 0 ? (
        <p className="empty">{year} 年度还没有单位发布报告。</p>
      ) : (
        <table className="data-table register-table">
          <thead>
            <tr>
              <th scope="col">单位</th>
              <th scope="col">发布时间</th>
              <th scope="col">发布人</th>
              <th scope="col" className="num">
                版本
              </th>
              <th scope="col">文件与 SHA-256</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.publicationId}>
                <th scope="row">
                  <a href={href({ page: 'report', id: e.reportId, step: 'check' })}>{e.agency.name}</a>
                </th>
                <td>{chinaDateTime(e.publishedAt)}</td>
                <td>{e.publishedBy.displayName}</td>
                <td className="num">第 {e.revision} 版</td>
                <td>
                  <ul className="artifacts">
                    {e.artifacts.map((a) => (
                      <li key={a.url}>
                        <a href={a.url} download={a.filename}>
                          {a.filename}
                        </a>{' '}
                        <span className="hint">{size(a.size)}</span>
                        <code className="sha">{a.sha256}</code>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
