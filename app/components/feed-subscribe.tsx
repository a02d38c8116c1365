import { useTranslation } from "~/i18n/use-translation";
import type { FeedSubscription } from "~/calendar";

/** Subscribe (so new and moved events keep arriving) or download once; `name` says which feed. */
export function FeedSubscribe({ links, name }: { links: FeedSubscription; name: string }) {
  const { t } = useTranslation();
  return (
    <ul className="feed-links">
      <li>
        <a className="button" href={links.webcal}>
          {t("feed.app")}
          <span className="visually-hidden">: {name}</span>
        </a>
      </li>
      <li>
        <a href={links.google} rel="noopener noreferrer" target="_blank">
          {t("feed.google")}
          <span className="visually-hidden">
            : {name} {t("event.newTab")}
          </span>
        </a>
      </li>
      <li>
        <a href={links.outlook} rel="noopener noreferrer" target="_blank">
          {t("feed.outlook")}
          <span className="visually-hidden">
            : {name} {t("event.newTab")}
          </span>
        </a>
      </li>
      <li>
        <a href={links.download} download>
          {t("feed.download")}
          <span className="visually-hidden">: {name}</span>
        </a>
      </li>
    </ul>
  );
}
