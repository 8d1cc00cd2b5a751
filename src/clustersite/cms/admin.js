// clustersite's additions to Sveltia CMS on /admin/: the site's CSS in the preview, and the
// checks of a project's facts that span fields (the form checks single fields itself). The
// messages come from the site's locale files, in its default language, via the page's data.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("clustersite-cms").textContent);
  const money = new Intl.NumberFormat(data.defaultLanguage, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });

  function say(key, values) {
    return data.messages[key].replace(/\{(\w+)\}/g, (_, name) =>
      name in values ? values[name] : `{${name}}`,
    );
  }

  function cents(value) {
    return value === undefined || value === null || value === "" ? null : Math.round(Number(value) * 100);
  }

  // The same rules as clustersite.projects._parse_budget and the project's period.
  function projectProblem(facts) {
    const budget = facts.budget || {};
    const total = cents(budget.total);
    const eu = cents(budget.eu);
    const cofinancing = cents(budget.cofinancing);
    const shown = (c) => money.format(c / 100);
    if (total !== null && eu !== null && eu > total) {
      return say("budget_eu_more_than_total", { eu: shown(eu), total: shown(total) });
    }
    if (total !== null && eu !== null && cofinancing !== null && eu + cofinancing !== total) {
      return say("budget_does_not_add_up", {
        eu: shown(eu),
        cofinancing: shown(cofinancing),
        sum: shown(eu + cofinancing),
        total: shown(total),
      });
    }
    if (!facts.end && !facts.months) {
      return say("project_needs_end", {});
    }
    return null;
  }

  for (const style of data.previewStyles) {
    CMS.registerPreviewStyle(style);
  }
  CMS.registerEventListener({
    name: "preSave",
    handler: ({ entry }) => {
      if (entry.get("collection") !== "projects") {
        return undefined;
      }
      const problem = projectProblem(entry.get("data").toJS());
      if (problem) {
        // The CMS shows the cause of a "saving_failed" error in its dialog, and saves nothing.
        throw new Error("saving_failed", { cause: new Error(problem) });
      }
      return undefined;
    },
  });
})();
