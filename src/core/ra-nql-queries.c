/* ra-nql-queries.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-nql-queries"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ra-error.h"
#include "ra-nql-queries.h"

gboolean
ra_nql_query_id_check (const char  *query_id,
                       GError     **error)
{
  gsize length;
  const char *problem;

  g_return_val_if_fail (query_id != NULL, FALSE);

  if (ra_nql_query_id_is_valid (query_id))
    return TRUE;

  length = strlen (query_id);
  if (query_id[0] != '#')
    problem = _("A query ID starts with #, as in #remote_action_executions.");
  else if (length < 3)
    problem = _("A query ID has at least two characters after the #.");
  else if (length > RA_NQL_QUERY_ID_MAX_LENGTH)
    problem = _("A query ID has at most 255 characters, the # included.");
  else
    problem = _("Only lower-case letters, digits and underscores may follow the #.");

  g_set_error_literal (error, RA_ERROR, RA_ERROR_INVALID_INPUT, problem);
  return FALSE;
}
