/* ra-action-query.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-action-query"

#include "config.h"

#include <string.h>

#include "ra-action-query.h"

struct _RaActionQuery
{
  char     *search;
  char     *needle;        /* casefolded search, NULL when blank */
  char    **needle_words;
  gboolean  flags[RA_ACTION_QUERY_N_FLAGS];
};

static gboolean
is_ascii (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;

  return TRUE;
}

char *
ra_action_query_fold (const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return g_strdup ("");

  /* Most names and descriptions are plain ASCII, where folding is just
   * lowering and normalizing changes nothing: ten thousand descriptions
   * go several times faster. */
  if (is_ascii (text))
    return g_ascii_strdown (text, -1);

  folded = g_utf8_casefold (text, -1);
  return g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
}

char *
ra_action_query_make_haystack (RaRemoteAction *action)
{
  g_autofree char *name = NULL;
  g_autofree char *id = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (RA_IS_REMOTE_ACTION (action), NULL);

  name = ra_action_query_fold (ra_remote_action_get_name (action));
  id = ra_action_query_fold (ra_remote_action_get_id (action));
  description = ra_action_query_fold (ra_remote_action_get_description (action));

  /* A separator no search can contain keeps a word from matching across
   * two fields. */
  return g_strjoin ("\x1f", name, id, description, NULL);
}

RaActionQuery *
ra_action_query_new (void)
{
  RaActionQuery *self = g_new0 (RaActionQuery, 1);

  for (guint i = 0; i < RA_ACTION_QUERY_N_FLAGS; i++)
    self->flags[i] = TRUE;

  return self;
}

void
ra_action_query_free (RaActionQuery *self)
{
  if (self == NULL)
    return;

  g_free (self->search);
  g_free (self->needle);
  g_strfreev (self->needle_words);
  g_free (self);
}

const char *
ra_action_query_get_search (RaActionQuery *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->search;
}

RaActionQueryChange
ra_action_query_set_search (RaActionQuery *self,
                            const char    *search)
{
  g_autofree char *old = NULL;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (self != NULL, RA_ACTION_QUERY_SAME);

  if (g_strcmp0 (self->search, search) == 0)
    return RA_ACTION_QUERY_SAME;

  g_free (self->search);
  self->search = g_strdup (search);

  old = g_steal_pointer (&self->needle);
  g_clear_pointer (&self->needle_words, g_strfreev);

  stripped = g_strstrip (g_strdup (search != NULL ? search : ""));
  if (stripped[0] != '\0')
    {
      g_auto(GStrv) words = NULL;
      GPtrArray *kept = g_ptr_array_new ();

      self->needle = ra_action_query_fold (stripped);
      words = g_strsplit_set (self->needle, " \t\n\r", -1);
      for (guint i = 0; words[i] != NULL; i++)
        if (words[i][0] != '\0')
          g_ptr_array_add (kept, g_strdup (words[i]));
      g_ptr_array_add (kept, NULL);
      self->needle_words = (char **) g_ptr_array_free (kept, FALSE);
    }

  /* A search that contains the previous one can only match fewer actions
   * (each old word lies inside a new word), and the other way round. */
  if (g_strcmp0 (old, self->needle) == 0)
    return RA_ACTION_QUERY_SAME;
  if (old == NULL)
    return RA_ACTION_QUERY_NARROWER;
  if (self->needle == NULL)
    return RA_ACTION_QUERY_WIDER;
  if (strstr (self->needle, old) != NULL)
    return RA_ACTION_QUERY_NARROWER;
  if (strstr (old, self->needle) != NULL)
    return RA_ACTION_QUERY_WIDER;

  return RA_ACTION_QUERY_DIFFERENT;
}

gboolean
ra_action_query_get_search_is_empty (RaActionQuery *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->needle == NULL;
}

gboolean
ra_action_query_get_flag (RaActionQuery     *self,
                          RaActionQueryFlag  flag)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (flag < RA_ACTION_QUERY_N_FLAGS, FALSE);

  return self->flags[flag];
}

RaActionQueryChange
ra_action_query_set_flag (RaActionQuery     *self,
                          RaActionQueryFlag  flag,
                          gboolean           value)
{
  gboolean narrows;

  g_return_val_if_fail (self != NULL, RA_ACTION_QUERY_SAME);
  g_return_val_if_fail (flag < RA_ACTION_QUERY_N_FLAGS, RA_ACTION_QUERY_SAME);

  value = !!value;
  if (self->flags[flag] == value)
    return RA_ACTION_QUERY_SAME;

  self->flags[flag] = value;

  /* Ticking "API-enabled only" hides actions; ticking any other box
   * shows them. Either way only one side can change. */
  if (flag == RA_ACTION_QUERY_API_ENABLED_ONLY)
    narrows = value;
  else
    narrows = !value;

  return narrows ? RA_ACTION_QUERY_NARROWER : RA_ACTION_QUERY_WIDER;
}

gboolean
ra_action_query_get_flags_are_default (RaActionQuery *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  for (guint i = 0; i < RA_ACTION_QUERY_N_FLAGS; i++)
    if (!self->flags[i])
      return FALSE;

  return TRUE;
}

gboolean
ra_action_query_matches (RaActionQuery  *self,
                         RaRemoteAction *action,
                         const char     *haystack)
{
  const gboolean *flags = self->flags;
  gboolean has_windows, has_macos;
  RaPurpose purpose;

  /* Not known is not "no": the action may be tried, the server decides. */
  if (flags[RA_ACTION_QUERY_API_ENABLED_ONLY] &&
      ra_remote_action_get_api_enabled (action) == RA_TRISTATE_NO)
    return FALSE;

  /* An action with neither script, or with no purpose, is hidden only by
   * unticking every box of its group; so is one whose scripts are not
   * known. */
  has_windows = ra_remote_action_get_has_script_windows (action) == RA_TRISTATE_YES;
  has_macos = ra_remote_action_get_has_script_macos (action) == RA_TRISTATE_YES;
  if (!((flags[RA_ACTION_QUERY_WINDOWS] && has_windows) ||
        (flags[RA_ACTION_QUERY_MACOS] && has_macos) ||
        (!has_windows && !has_macos &&
         (flags[RA_ACTION_QUERY_WINDOWS] || flags[RA_ACTION_QUERY_MACOS]))))
    return FALSE;

  purpose = ra_remote_action_get_purpose (action);
  if (!((flags[RA_ACTION_QUERY_DATA_COLLECTION] && (purpose & RA_PURPOSE_DATA_COLLECTION)) ||
        (flags[RA_ACTION_QUERY_REMEDIATION] && (purpose & RA_PURPOSE_REMEDIATION)) ||
        (purpose == RA_PURPOSE_NONE &&
         (flags[RA_ACTION_QUERY_DATA_COLLECTION] || flags[RA_ACTION_QUERY_REMEDIATION]))))
    return FALSE;

  if (self->needle_words == NULL)
    return TRUE;

  for (guint i = 0; self->needle_words[i] != NULL; i++)
    if (strstr (haystack, self->needle_words[i]) == NULL)
      return FALSE;

  return TRUE;
}
