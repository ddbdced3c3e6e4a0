using System.Net.Sockets;
using Tmds.DBus.Protocol;

namespace PostureStream.Devices.Ble.StandIn;

/// <summary>The stand-in's methods, with BlueZ's documented signatures and errors.</summary>
public sealed partial class BlueZStandIn
{
    private delegate void BodyWriter(ref MessageWriter writer);

    /// <summary>Answers the method calls on every path of the stand-in's tree (a subtree handler at "/").</summary>
    private void Handle(MethodContext context)
    {
        Message call = context.Request;
        string path = call.PathAsString ?? "";
        try
        {
            lock (_lock)
            {
                switch ((call.InterfaceAsString, call.MemberAsString))
                {
                    case (BlueZNames.ObjectManager, "GetManagedObjects") when path == "/":
                        Reply(context, "a{oa{sa{sv}}}", WriteObjects);
                        break;
                    case (BlueZNames.Properties, "GetAll"):
                        Dictionary<string, VariantValue> all = PropertiesOf(path, call.GetBodyReader().ReadString());
                        Reply(context, "a{sv}", (ref MessageWriter w) => w.WriteDictionary(all));
                        break;
                    case (BlueZNames.Properties, "Get"):
                        VariantValue value = GetProperty(path, call);
                        Reply(context, "v", (ref MessageWriter w) => w.WriteVariant(value));
                        break;
                    case (BlueZNames.Adapter, _):
                        AdapterMethod(context, path);
                        break;
                    case (BlueZNames.Device, _):
                        DeviceMethod(context, path);
                        break;
                    case (BlueZNames.GattCharacteristic, _):
                        CharacteristicMethod(context, path);
                        break;
                    default:
                        throw new DBusErrorReplyException("org.freedesktop.DBus.Error.UnknownMethod", $"no {call.InterfaceAsString}.{call.MemberAsString} at {path}");
                }
            }
        }
        catch (DBusErrorReplyException e)
        {
            context.ReplyError(e.ErrorName, e.ErrorMessage);
        }
    }

    private static void Reply(MethodContext context, string? signature = null, BodyWriter? body = null)
    {
        MessageWriter writer = context.CreateReplyWriter(signature);
        try
        {
            body?.Invoke(ref writer);
            context.Reply(writer.CreateMessage());
        }
        finally
        {
            writer.Dispose();
        }
    }

    private VariantValue GetProperty(string path, Message call)
    {
        Reader reader = call.GetBodyReader();
        string interfaceName = reader.ReadString();
        string name = reader.ReadString();
        return PropertiesOf(path, interfaceName).TryGetValue(name, out VariantValue value)
            ? value
            : throw new DBusErrorReplyException("org.freedesktop.DBus.Error.InvalidArgs", "No such property");
    }

    private void AdapterMethod(MethodContext context, string path)
    {
        Dictionary<string, VariantValue> adapter = PropertiesOf(path, BlueZNames.Adapter);
        switch (context.Request.MemberAsString)
        {
            case "SetDiscoveryFilter":
                Reader reader = context.Request.GetBodyReader();
                DiscoveryFilter = BlueZProperties.Read(ref reader);
                Reply(context);
                break;
            case "StartDiscovery":
                if (!adapter["Powered"].GetBool())
                {
                    throw new DBusErrorReplyException("org.bluez.Error.NotReady", "Resource Not Ready");
                }

                if (_options.DiscoveryError is { } error)
                {
                    throw new DBusErrorReplyException(error, "Operation already in progress");
                }

                SetProperty(path, BlueZNames.Adapter, "Discovering", true);
                HearAdvertisements();
                Reply(context);
                break;
            case "StopDiscovery":
                if (!adapter["Discovering"].GetBool())
                {
                    throw new DBusErrorReplyException("org.bluez.Error.Failed", "No discovery started");
                }

                SetProperty(path, BlueZNames.Adapter, "Discovering", false);
                Reply(context);
                break;
            default:
                throw new DBusErrorReplyException("org.freedesktop.DBus.Error.UnknownMethod", $"Adapter1.{context.Request.MemberAsString} is not in the stand-in");
        }
    }

    /// <summary>Devices in range show up (or get an RSSI), limited by the discovery filter's UUIDs as BlueZ does.</summary>
    private void HearAdvertisements()
    {
        IReadOnlyList<string> uuids = DiscoveryFilter?.GetStrings("UUIDs") ?? [];
        foreach (StandInDevice device in _options.Devices)
        {
            bool passes = uuids.Count == 0 || (device.Nus && uuids.Contains(device.Gatt.ServiceUuid, StringComparer.OrdinalIgnoreCase));
            if (!passes)
            {
                continue;
            }

            if (_objects.ContainsKey(device.Path))
            {
                SetProperty(device.Path, BlueZNames.Device, "RSSI", device.Rssi);
            }
            else
            {
                ExportDevice(device, withRssi: true);
            }
        }
    }

    private void DeviceMethod(MethodContext context, string path)
    {
        StandInPeripheral peripheral = _peripherals[path];
        StandInDevice device = peripheral.Device;
        Dictionary<string, VariantValue> properties = PropertiesOf(path, BlueZNames.Device);
        switch (context.Request.MemberAsString)
        {
            case "Connect":
                if (_options.ConnectError is { } error)
                {
                    _connectAttempts.Writer.TryWrite(false);
                    throw new DBusErrorReplyException(error, "Authentication Failed");
                }

                if (peripheral.OutOfRange)
                {
                    _connectAttempts.Writer.TryWrite(false);
                    throw new DBusErrorReplyException("org.bluez.Error.Failed", "le-connection-abort-by-local");
                }

                if (properties["Connected"].GetBool())
                {
                    throw new DBusErrorReplyException("org.bluez.Error.AlreadyConnected", "Already Connected");
                }

                SetProperty(path, BlueZNames.Device, "Connected", true);
                ExportGattObjects(device);
                _connectAttempts.Writer.TryWrite(true);
                // BlueZ resolves services after Connect returns; the client must wait for the signal.
                _ = Task.Run(() =>
                {
                    lock (_lock)
                    {
                        if (_objects.ContainsKey(path) && properties["Connected"].GetBool())
                        {
                            SetProperty(path, BlueZNames.Device, "ServicesResolved", true);
                        }
                    }
                });
                Reply(context);
                break;
            case "Disconnect":
                DisconnectCalls++;
                if (properties["Connected"].GetBool())
                {
                    Disconnect(peripheral);
                }

                Reply(context);
                break;
            default:
                throw new DBusErrorReplyException("org.freedesktop.DBus.Error.UnknownMethod", $"Device1.{context.Request.MemberAsString} is not in the stand-in");
        }
    }

    private void Disconnect(StandInPeripheral peripheral)
    {
        StandInDevice device = peripheral.Device;
        SetProperty(device.Path, BlueZNames.Device, "ServicesResolved", false);
        Unexport(TxPath(device));
        Unexport(RxPath(device));
        Unexport(ServicePath(device));
        SetProperty(device.Path, BlueZNames.Device, "Connected", false);
        peripheral.CloseSockets();
        if (peripheral.Notifying.Task.IsCompleted)
        {
            peripheral.Notifying = new TaskCompletionSource<NotificationMode>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        if (_anyNotifying.Task.IsCompleted)
        {
            _anyNotifying = NewNotifying();
        }
    }

    private void CharacteristicMethod(MethodContext context, string path)
    {
        Dictionary<string, VariantValue> characteristic = PropertiesOf(path, BlueZNames.GattCharacteristic);
        StandInPeripheral peripheral = _peripherals.Values.First(p => path.StartsWith(p.Device.Path + "/", StringComparison.Ordinal));
        bool isTx = string.Equals(characteristic["UUID"].GetString(), peripheral.Device.Gatt.NotifyCharacteristicUuid, StringComparison.OrdinalIgnoreCase);
        switch (context.Request.MemberAsString)
        {
            case "AcquireNotify" when isTx:
                if (!_options.SupportsAcquireNotify)
                {
                    throw new DBusErrorReplyException("org.bluez.Error.NotSupported", "Operation is not supported");
                }

                if (characteristic["NotifyAcquired"].GetBool() || characteristic["Notifying"].GetBool())
                {
                    throw new DBusErrorReplyException("org.bluez.Error.NotPermitted", "Notify acquired");
                }

                (Socket ours, SafeSocketHandle theirs) = SocketPair.CreateSeqPacket();
                peripheral.NotifyPeer = ours;
                SetProperty(path, BlueZNames.GattCharacteristic, "NotifyAcquired", true);
                peripheral.Notifying.TrySetResult(NotificationMode.AcquiredSocket);
                _anyNotifying.TrySetResult(NotificationMode.AcquiredSocket);
                ReplyWithSocket(context, theirs);
                break;
            case "StartNotify" when isTx:
                if (characteristic["NotifyAcquired"].GetBool())
                {
                    throw new DBusErrorReplyException("org.bluez.Error.NotPermitted", "Notify acquired");
                }

                SetProperty(path, BlueZNames.GattCharacteristic, "Notifying", true);
                peripheral.Notifying.TrySetResult(NotificationMode.PropertiesChanged);
                _anyNotifying.TrySetResult(NotificationMode.PropertiesChanged);
                Reply(context);
                break;
            case "StopNotify" when isTx:
                SetProperty(path, BlueZNames.GattCharacteristic, "Notifying", false);
                Reply(context);
                break;
            case "AcquireWrite" when !isTx:
                if (!_options.SupportsAcquireWrite)
                {
                    throw new DBusErrorReplyException("org.bluez.Error.NotSupported", "Operation is not supported");
                }

                if (characteristic["WriteAcquired"].GetBool())
                {
                    throw new DBusErrorReplyException("org.bluez.Error.NotPermitted", "Write acquired");
                }

                (Socket mine, SafeSocketHandle yours) = SocketPair.CreateSeqPacket();
                peripheral.WritePeer = mine;
                SetProperty(path, BlueZNames.GattCharacteristic, "WriteAcquired", true);
                _ = ReadAcquiredWritesAsync(peripheral, mine);
                ReplyWithSocket(context, yours);
                break;
            case "WriteValue" when !isTx:
                Reader reader = context.Request.GetBodyReader();
                byte[] value = reader.ReadArrayOfByte();
                BlueZProperties options = BlueZProperties.Read(ref reader);
                Received(peripheral, value, options.GetString("type"));
                Reply(context);
                break;
            case "ReadValue":
                byte[] current = characteristic["Value"].GetArray<byte>();
                Reply(context, "ay", (ref MessageWriter w) => w.WriteArray(current));
                break;
            default:
                throw new DBusErrorReplyException("org.bluez.Error.NotSupported", "Operation is not supported");
        }
    }

    /// <summary>
    /// The (h, q) reply of AcquireNotify/AcquireWrite: the client's end of the socketpair goes with the
    /// message (SCM_RIGHTS); the library holds a reference until it is sent, so ours can be released now.
    /// </summary>
    private void ReplyWithSocket(MethodContext context, SafeSocketHandle theirs)
    {
        using (theirs)
        {
            Reply(context, "hq", (ref MessageWriter w) =>
            {
                w.WriteHandle(theirs);
                w.WriteUInt16(_options.Mtu);
            });
        }
    }

    /// <summary>Routes every call under "/" to <see cref="Handle"/>.</summary>
    private sealed class MethodHandler(BlueZStandIn standIn) : IPathMethodHandler
    {
        public string Path => "/";

        public bool HandlesChildPaths => true;

        public ValueTask HandleMethodAsync(MethodContext context)
        {
            standIn.Handle(context);
            return ValueTask.CompletedTask;
        }
    }
}
