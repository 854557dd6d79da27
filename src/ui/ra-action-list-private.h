/* ra-action-list-private.h — what the action list's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ra-action-list.h"
#include "ra-action-list-model.h"
#include "ra-action-list-rows.h"
#include "ra-catalogue.h"

G_BEGIN_DECLS

struct _RaActionList
{
  GtkWidget           parent_instance;

  /* template */
  GtkSearchEntry     *search_entry;
  GtkMenuButton      *filter_button;
  GtkCheckButton     *api_enabled_check;
  GtkCheckButton     *windows_check;
  GtkCheckButton     *macos_check;
  GtkCheckButton     *data_collection_check;
  GtkCheckButton     *remediation_check;
  GtkStack           *stack;
  GtkListView        *list_view;
  AdwStatusPage      *no_match_page;
  GtkWidget          *clear_search_button;
  GtkWidget          *reset_filters_button;
  GtkWidget          *show_all_button;
  AdwStatusPage      *error_page;
  GtkLabel           *count_label;
  GtkSpinner         *refresh_spinner;
  GtkMenuButton      *skipped_button;
  GtkLabel           *skipped_label;
  GtkLabel           *skipped_heading;
  GtkListBox         *skipped_list;

  GSettings          *settings;

  /* model (the catalogue's items the search and filters let through) →
   * slice (growing a fresh list in) → selection */
  RaActionListModel  *model;
  GtkSliceListModel  *slice;
  GtkSingleSelection *selection;

  RaActionListRows   *rows;

  RaCatalogue        *skipped_from;   /* the catalogue whose left-outs are shown */
  RaRemoteAction     *selected_action;
};

/* Says which actions of the catalogue could not be read; NULL says
 * nothing (no list, or a list that had none). */
void ra_action_list_show_skipped    (RaActionList   *self,
                                     RaCatalogue    *catalogue);

G_END_DECLS
