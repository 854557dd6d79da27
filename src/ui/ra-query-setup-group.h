/* ra-query-setup-group.h — one NQL query an account needs: the ID it
 * has in Nexthink, and how to create it there
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Which query; each value's nick is how a .ui file names it. */
typedef enum
{
  RA_QUERY_SETUP_RESULTS,
  RA_QUERY_SETUP_LOOKUP,
} RaQuerySetupKind;

#define RA_TYPE_QUERY_SETUP_KIND (ra_query_setup_kind_get_type ())
GType ra_query_setup_kind_get_type (void) G_GNUC_CONST;

#define RA_TYPE_QUERY_SETUP_GROUP (ra_query_setup_group_get_type ())
G_DECLARE_FINAL_TYPE (RaQuerySetupGroup, ra_query_setup_group, RA, QUERY_SETUP_GROUP, AdwPreferencesGroup)

/* A group of rows: the query ID, and, behind an expander (open while no
 * ID is entered), the NQL text to create in Nexthink with a Copy button,
 * the parameter it takes and the permissions it needs. ::changed tells
 * of each change of the ID. */
GtkWidget        *ra_query_setup_group_new          (RaQuerySetupKind   kind);
RaQuerySetupKind  ra_query_setup_group_get_kind     (RaQuerySetupGroup *self);
/* What is entered, without surrounding blanks; "" for none. */
const char       *ra_query_setup_group_get_query_id (RaQuerySetupGroup *self);
/* Fills the ID in, as stored; opens the explanation when it is empty. */
void              ra_query_setup_group_set_query_id (RaQuerySetupGroup *self,
                                                     const char        *query_id);
/* Whether the ID entered is empty or one the NQL API accepts; what is
 * wrong with it is shown under it. */
gboolean          ra_query_setup_group_is_valid     (RaQuerySetupGroup *self);
/* The NQL text shown, which the Copy button puts on the clipboard. */
const char       *ra_query_setup_group_get_nql_text (RaQuerySetupGroup *self);

G_END_DECLS
