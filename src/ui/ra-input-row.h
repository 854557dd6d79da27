/* ra-input-row.h — a form row that edits one input of a remote action
 *
 * The interface that the row classes implement; which row an input gets
 * is ra-input-row-factory.h's choice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ra-action-input.h"
#include "ra-remote-action.h"

G_BEGIN_DECLS

#define RA_TYPE_INPUT_ROW (ra_input_row_get_type ())
G_DECLARE_INTERFACE (RaInputRow, ra_input_row, RA, INPUT_ROW, GtkWidget)

struct _RaInputRowInterface
{
  GTypeInterface parent_iface;

  char *(*dup_value) (RaInputRow *self);
  void  (*set_value) (RaInputRow *self,
                      const char *value);
};

RaActionInput *ra_input_row_get_input     (RaInputRow     *self);
/* Never NULL; "" when nothing is entered or chosen. */
char          *ra_input_row_dup_value     (RaInputRow     *self);
void           ra_input_row_set_value     (RaInputRow     *self,
                                           const char     *value);
/* Whether the current value can be sent: a fixed-option input needs a
 * choice; a blank free-text input is valid and left out of the request.
 * The message says what is wrong, in a form fit for the row. */
gboolean       ra_input_row_validate      (RaInputRow     *self,
                                           GError        **error);
/* Nothing but white space: not sent. */
gboolean       ra_input_row_is_blank      (RaInputRow     *self);
/* "Used on Windows only", … where the input's platforms differ from
 * the action's (any platform when action is NULL); NULL where they do
 * not. */
char          *ra_input_row_describe_platforms (RaActionInput  *input,
                                                RaRemoteAction *action);

/* For implementations: emits RaInputRow::changed. */
void           ra_input_row_emit_changed  (RaInputRow     *self);

G_END_DECLS
