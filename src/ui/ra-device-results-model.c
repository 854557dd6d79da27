/* ra-device-results-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-device-results-model"

#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <string.h>

#include "ra-action-output.h"
#include "ra-device-results-build-private.h"
#include "ra-device-results-model.h"
#include "ra-execution-status.h"
#include "ra-format.h"
#include "ra-list-fill.h"

struct _RaDeviceResultsModel
{
  GObject                parent_instance;

  GListStore            *items;
  GtkCustomFilter       *filter;
  GtkFilterListModel    *filtered;
  RaDeviceResultsFilter  filter_value;

  GStrv                  devices;
  guint                  n_devices;
  GListModel            *outputs;
  RaNqlResult           *result;
  gboolean               expired;

  guint                  counts[RA_DEVICE_RESULTS_FILTER_N_VALUES];
  /* Devices of the run that the answer has no row for and that cannot
   * be listed, because the run's IDs or the answer's are not known. */
  guint                  n_unlisted;
  gboolean               settled;
  char                  *summary;

  /* A large answer's items are made in a worker thread; only the last
   * one asked for is shown. */
  guint                  generation;
  gboolean               building;
  /* Puts a large answer in the list store a screenful at a time. */
  RaListFill            *fill;
};

/* Answers up to this many rows are turned into items at once: that
 * takes a few milliseconds. Larger ones, from the export, are made in a
 * worker thread so that the window never stalls on them. */
#define BUILD_IN_THREAD_ROWS 200

static void list_model_iface_init (GListModelInterface *iface);

/* clang-format off */
G_DEFINE_FINAL_TYPE_WITH_CODE (RaDeviceResultsModel, ra_device_results_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))
/* clang-format on */

/* clang-format off */
G_DEFINE_ENUM_TYPE (RaDeviceResultsFilter, ra_device_results_filter,
  G_DEFINE_ENUM_VALUE (RA_DEVICE_RESULTS_FILTER_ALL, "all"),
  G_DEFINE_ENUM_VALUE (RA_DEVICE_RESULTS_FILTER_SUCCEEDED, "succeeded"),
  G_DEFINE_ENUM_VALUE (RA_DEVICE_RESULTS_FILTER_FAILED, "failed"),
  G_DEFINE_ENUM_VALUE (RA_DEVICE_RESULTS_FILTER_PENDING, "pending"),
  G_DEFINE_ENUM_VALUE (RA_DEVICE_RESULTS_FILTER_NO_REPORT, "no-report"))
/* clang-format on */

enum {
  PROP_0,
  PROP_FILTER,
  PROP_SETTLED,
  PROP_BUILDING,
  PROP_FILLING,
  N_PROPS
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];


static gboolean
filter_item_cb (gpointer item,
                gpointer user_data)
{
  RaDeviceResultsModel *self = user_data;

  return self->filter_value == RA_DEVICE_RESULTS_FILTER_ALL ||
         ra_device_results_filter_of_kind (ra_device_result_item_get_kind (item)) == self->filter_value;
}


static char *
make_summary (RaDeviceResultsModel *self,
              const char           *status_column)
{
  /* Of the answer, even while the list is still being filled. */
  guint n_items = self->counts[RA_DEVICE_RESULTS_FILTER_ALL];
  guint total = n_items + self->n_unlisted;
  guint pending = self->counts[RA_DEVICE_RESULTS_FILTER_PENDING];
  guint no_report = self->counts[RA_DEVICE_RESULTS_FILTER_NO_REPORT];
  guint other = n_items - self->counts[RA_DEVICE_RESULTS_FILTER_SUCCEEDED] -
                self->counts[RA_DEVICE_RESULTS_FILTER_FAILED] - pending - no_report;
  g_autofree char *succeeded = NULL;
  g_autofree char *summary = NULL;

  if (status_column == NULL)
    {
      guint n_rows = ra_nql_result_get_n_rows (self->result);

      return g_strdup_printf (ngettext ("%'u device has reported", "%'u devices have reported", n_rows),
                              n_rows);
    }

  /* Devices that have not reported at all are pending too, until the
   * run expires. */
  if (self->expired)
    no_report += self->n_unlisted;
  else
    pending += self->n_unlisted;

  succeeded = g_strdup_printf (ngettext ("%'u of %'u device succeeded",
                                         "%'u of %'u devices succeeded", total),
                               self->counts[RA_DEVICE_RESULTS_FILTER_SUCCEEDED], total);
  /* Translators: the first %s is "N of M devices succeeded"; then the
   * number of devices that failed and of those that have not finished */
  summary = g_strdup_printf (_("%s, %'u failed, %'u pending"),
                             succeeded, self->counts[RA_DEVICE_RESULTS_FILTER_FAILED], pending);

  if (no_report > 0)
    {
      g_autofree char *base = g_steal_pointer (&summary);

      /* Translators: %s is the summary above; %u devices never reported
       * by the run's expiry, or are not known to the instance */
      summary = g_strdup_printf (_("%s, %'u without a report"), base, no_report);
    }

  if (other > 0)
    {
      g_autofree char *base = g_steal_pointer (&summary);

      /* Translators: %s is the summary above; %u devices reported a status
       * that is none of succeeded, failed or pending */
      summary = g_strdup_printf (_("%s, %'u with another status"), base, other);
    }

  return g_steal_pointer (&summary);
}

static void
set_settled (RaDeviceResultsModel *self,
             gboolean              settled)
{
  if (self->settled == settled)
    return;

  self->settled = settled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SETTLED]);
}


static void
set_building (RaDeviceResultsModel *self,
              gboolean              building)
{
  if (self->building == building)
    return;

  self->building = building;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUILDING]);
}

static void
stop_filling (RaDeviceResultsModel *self)
{
  if (self->fill == NULL || !ra_list_fill_get_busy (self->fill))
    return;

  ra_list_fill_stop (self->fill);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILLING]);
}

static void
filled_cb (gpointer user_data)
{
  RaDeviceResultsModel *self = user_data;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILLING]);
}

/* Counts, summary and "changed", once build's items are all in. */
static void
finish_build (RaDeviceResultsModel *self,
              RaDeviceResultsBuild                *build)
{
  const char *status_column = ra_nql_result_find_status_column (build->result);
  gboolean settled;

  memcpy (self->counts, build->counts, sizeof self->counts);
  self->n_unlisted = build->n_unlisted;
  g_clear_pointer (&self->summary, g_free);

  self->summary = make_summary (self, status_column);
  /* A cut answer does not tell of every device, and nobody having
   * reported yet is no end either. */
  settled = status_column != NULL && !ra_nql_result_get_may_be_incomplete (build->result);
  settled = settled && self->counts[RA_DEVICE_RESULTS_FILTER_PENDING] == 0;
  settled = settled && (self->n_unlisted == 0 || build->expired);
  settled = settled && (build->items->len > 0 || build->expired);
  set_settled (self, settled);
  set_building (self, FALSE);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* Shows what build made: one change of the model, one "changed". */
static void
show_build (RaDeviceResultsModel *self,
            RaDeviceResultsBuild                *build)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  g_list_store_splice (self->items, 0, n_items, build->items->pdata, build->items->len);
  finish_build (self, build);
}

/* Puts a large answer's items in the list: into an empty list a step a
 * frame (RaListFill), so that the list view's first rows come a few at a
 * time; in place of a list already shown (a refresh) at once, as the
 * list view then mostly rebinds the rows it has, and keeps its place. */
static void
fill_build (RaDeviceResultsModel *self,
            RaDeviceResultsBuild *build)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->items)) > 0)
    {
      show_build (self, build);
      return;
    }

  /* The counts and the summary are known at once; the list follows. */
  ra_list_fill_replace (self->fill, build->items);
  if (ra_list_fill_get_busy (self->fill))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILLING]);
  finish_build (self, build);
}

static void
build_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  ra_device_results_build_run (task_data);
  g_task_return_boolean (task, TRUE);
}

static void
built_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  RaDeviceResultsModel *self = RA_DEVICE_RESULTS_MODEL (object);
  RaDeviceResultsBuild *build = g_task_get_task_data (G_TASK (result));

  /* A newer answer (or none) came while this one was being made. */
  if (build->generation != self->generation)
    return;

  /* The fill keeps the items it has still to put in. */
  fill_build (self, build);
}

static void
remake_items (RaDeviceResultsModel *self)
{
  g_autoptr(RaDeviceResultsBuild) build = NULL;
  g_autoptr(GTask) task = NULL;

  self->generation++;
  stop_filling (self);

  if (self->result == NULL)
    {
      memset (self->counts, 0, sizeof self->counts);
      self->n_unlisted = 0;
      g_clear_pointer (&self->summary, g_free);
      g_list_store_remove_all (self->items);
      set_settled (self, FALSE);
      set_building (self, FALSE);
      g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
      return;
    }

  build = g_new0 (RaDeviceResultsBuild, 1);
  build->result = g_object_ref (self->result);
  build->outputs = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; self->outputs != NULL && i < g_list_model_get_n_items (self->outputs); i++)
    g_ptr_array_add (build->outputs, g_list_model_get_item (self->outputs, i));
  build->devices = g_strdupv (self->devices);
  build->n_devices = self->n_devices;
  build->expired = self->expired;
  build->generation = self->generation;

  if (ra_nql_result_get_n_rows (self->result) <= BUILD_IN_THREAD_ROWS)
    {
      ra_device_results_build_run (build);
      show_build (self, build);
      return;
    }

  /* What is shown stays until the new items are in. */
  set_building (self, TRUE);
  task = g_task_new (self, NULL, built_cb, NULL);
  g_task_set_source_tag (task, remake_items);
  g_task_set_task_data (task, g_steal_pointer (&build), (GDestroyNotify) ra_device_results_build_free);
  g_task_run_in_thread (task, build_in_thread);
}

static GType
list_model_get_item_type (GListModel *model)
{
  return RA_TYPE_DEVICE_RESULT_ITEM;
}

static guint
list_model_get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (RA_DEVICE_RESULTS_MODEL (model)->filtered));
}

static gpointer
list_model_get_item (GListModel *model,
                     guint       position)
{
  return g_list_model_get_item (G_LIST_MODEL (RA_DEVICE_RESULTS_MODEL (model)->filtered), position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_model_get_item_type;
  iface->get_n_items = list_model_get_n_items;
  iface->get_item = list_model_get_item;
}

static void
filtered_items_changed_cb (RaDeviceResultsModel *self,
                           guint                 position,
                           guint                 removed,
                           guint                 added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
ra_device_results_model_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  RaDeviceResultsModel *self = RA_DEVICE_RESULTS_MODEL (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      g_value_set_enum (value, self->filter_value);
      break;
    case PROP_SETTLED:
      g_value_set_boolean (value, self->settled);
      break;
    case PROP_BUILDING:
      g_value_set_boolean (value, self->building);
      break;
    case PROP_FILLING:
      g_value_set_boolean (value, ra_list_fill_get_busy (self->fill));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_device_results_model_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  RaDeviceResultsModel *self = RA_DEVICE_RESULTS_MODEL (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      ra_device_results_model_set_filter (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_device_results_model_dispose (GObject *object)
{
  RaDeviceResultsModel *self = RA_DEVICE_RESULTS_MODEL (object);

  stop_filling (self);
  g_clear_pointer (&self->fill, ra_list_fill_free);
  if (self->filtered != NULL)
    g_signal_handlers_disconnect_by_data (self->filtered, self);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->items);
  g_clear_object (&self->outputs);
  g_clear_object (&self->result);

  G_OBJECT_CLASS (ra_device_results_model_parent_class)->dispose (object);
}

static void
ra_device_results_model_finalize (GObject *object)
{
  RaDeviceResultsModel *self = RA_DEVICE_RESULTS_MODEL (object);

  g_strfreev (self->devices);
  g_free (self->summary);

  G_OBJECT_CLASS (ra_device_results_model_parent_class)->finalize (object);
}

static void
ra_device_results_model_class_init (RaDeviceResultsModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = ra_device_results_model_get_property;
  object_class->set_property = ra_device_results_model_set_property;
  object_class->dispose = ra_device_results_model_dispose;
  object_class->finalize = ra_device_results_model_finalize;

  properties[PROP_FILTER] =
    g_param_spec_enum ("filter", NULL, NULL, RA_TYPE_DEVICE_RESULTS_FILTER, RA_DEVICE_RESULTS_FILTER_ALL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTLED] =
    g_param_spec_boolean ("settled", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the items of a large answer are being made: the items, the
   * counts and the summary are still the last answer's until "changed". */
  properties[PROP_BUILDING] =
    g_param_spec_boolean ("building", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether a large answer's items are still being put in the list, a
   * few each frame, after "changed" told its counts and summary. */
  properties[PROP_FILLING] =
    g_param_spec_boolean ("filling", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ra_device_results_model_init (RaDeviceResultsModel *self)
{
  self->items = g_list_store_new (RA_TYPE_DEVICE_RESULT_ITEM);
  self->fill = ra_list_fill_new (self->items, filled_cb, self);
  self->filter = gtk_custom_filter_new (filter_item_cb, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->items)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  g_signal_connect_swapped (self->filtered, "items-changed",
                            G_CALLBACK (filtered_items_changed_cb), self);
}

RaDeviceResultsModel *
ra_device_results_model_new (void)
{
  return g_object_new (RA_TYPE_DEVICE_RESULTS_MODEL, NULL);
}

void
ra_device_results_model_set_run (RaDeviceResultsModel *self,
                                 const char * const   *devices,
                                 guint                 n_devices)
{
  g_return_if_fail (RA_IS_DEVICE_RESULTS_MODEL (self));

  g_strfreev (self->devices);
  self->devices = g_strdupv ((char **) devices);
  self->n_devices = devices != NULL ? g_strv_length (self->devices) : n_devices;
  remake_items (self);
}

void
ra_device_results_model_set_outputs (RaDeviceResultsModel *self,
                                     GListModel           *outputs)
{
  g_return_if_fail (RA_IS_DEVICE_RESULTS_MODEL (self));
  g_return_if_fail (outputs == NULL || G_IS_LIST_MODEL (outputs));

  if (!g_set_object (&self->outputs, outputs))
    return;

  remake_items (self);
}

void
ra_device_results_model_apply (RaDeviceResultsModel *self,
                               RaNqlResult          *result,
                               gboolean              expired)
{
  g_return_if_fail (RA_IS_DEVICE_RESULTS_MODEL (self));
  g_return_if_fail (result == NULL || RA_IS_NQL_RESULT (result));

  g_set_object (&self->result, result);
  self->expired = expired;
  remake_items (self);
}

RaNqlResult *
ra_device_results_model_get_result (RaDeviceResultsModel *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_RESULTS_MODEL (self), NULL);

  return self->result;
}

void
ra_device_results_model_set_filter (RaDeviceResultsModel *self,
                                    RaDeviceResultsFilter filter)
{
  g_return_if_fail (RA_IS_DEVICE_RESULTS_MODEL (self));
  g_return_if_fail (filter < RA_DEVICE_RESULTS_FILTER_N_VALUES);

  if (self->filter_value == filter)
    return;

  self->filter_value = filter;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

RaDeviceResultsFilter
ra_device_results_model_get_filter (RaDeviceResultsModel *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_RESULTS_MODEL (self), RA_DEVICE_RESULTS_FILTER_ALL);

  return self->filter_value;
}

GListModel *
ra_device_results_model_get_all (RaDeviceResultsModel *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_RESULTS_MODEL (self), NULL);

  return G_LIST_MODEL (self->items);
}

guint
ra_device_results_model_get_count (RaDeviceResultsModel *self,
                                   RaDeviceResultsFilter filter)
{
  g_return_val_if_fail (RA_IS_DEVICE_RESULTS_MODEL (self), 0);
  g_return_val_if_fail (filter < RA_DEVICE_RESULTS_FILTER_N_VALUES, 0);

  return self->counts[filter];
}

gboolean
ra_device_results_model_get_building (RaDeviceResultsModel *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_RESULTS_MODEL (self), FALSE);

  return self->building;
}

gboolean
ra_device_results_model_get_filling (RaDeviceResultsModel *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_RESULTS_MODEL (self), FALSE);

  return ra_list_fill_get_busy (self->fill);
}

gboolean
ra_device_results_model_get_settled (RaDeviceResultsModel *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_RESULTS_MODEL (self), FALSE);

  return self->settled;
}

const char *
ra_device_results_model_get_summary (RaDeviceResultsModel *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_RESULTS_MODEL (self), NULL);

  return self->summary;
}
