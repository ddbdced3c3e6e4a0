using System.Net.Sockets;
using PostureStream.Devices.Ble;
using PostureStream.Devices.DBus;

namespace PostureStream.Devices.Tests.Ble;

/// <summary>The stand-in's methods, with BlueZ's documented signatures and errors.</summary>
internal sealed partial class BlueZStandIn
{
    private DBusMessage Handle(DBusMessage call)
    {
        string path = call.Path?.Value ?? "";
        lock (_lock)
        {
            return (call.Interface, call.Member) switch
            {
                (BlueZNames.ObjectManager, "GetManagedObjects") when path == "/" => call.CreateReply("a{oa{sa{sv}}}", _objects),
                (BlueZNames.Properties, "GetAll") => call.CreateReply("a{sv}", PropertiesOf(path, call.Arg<string>(0))),
                (BlueZNames.Properties, "Get") => call.CreateReply("v", DBusVariant.Of(PropertiesOf(path, call.Arg<string>(0)).GetValueOrDefault(call.Arg<string>(1))
                    ?? throw new DBusErrorException("org.freedesktop.DBus.Error.InvalidArgs", "No such property"))),
                (BlueZNames.Adapter, _) => AdapterMethod(call, path),
                (BlueZNames.Device, _) => DeviceMethod(call, path),
                (BlueZNames.GattCharacteristic, _) => CharacteristicMethod(call, path),
                _ => throw new DBusErrorException("org.freedesktop.DBus.Error.UnknownMethod", $"no {call.Interface}.{call.Member} at {path}"),
            };
        }
    }

    private DBusMessage AdapterMethod(DBusMessage call, string path)
    {
        Dictionary<string, object> adapter = PropertiesOf(path, BlueZNames.Adapter);
        switch (call.Member)
        {
            case "SetDiscoveryFilter":
                DiscoveryFilter = BlueZProperties.FromWire(call.Body[0]).Values;
                return call.CreateReply();
            case "StartDiscovery":
                if (adapter["Powered"] is not true)
                {
                    throw new DBusErrorException("org.bluez.Error.NotReady", "Resource Not Ready");
                }

                if (_options.DiscoveryError is { } error)
                {
                    throw new DBusErrorException(error, "Operation already in progress");
                }

                SetProperty(path, BlueZNames.Adapter, "Discovering", true);
                HearAdvertisements();
                return call.CreateReply();
            case "StopDiscovery":
                if (adapter["Discovering"] is not true)
                {
                    throw new DBusErrorException("org.bluez.Error.Failed", "No discovery started");
                }

                SetProperty(path, BlueZNames.Adapter, "Discovering", false);
                return call.CreateReply();
            default:
                throw new DBusErrorException("org.freedesktop.DBus.Error.UnknownMethod", $"Adapter1.{call.Member} is not in the stand-in");
        }
    }

    /// <summary>Devices in range show up (or get an RSSI), limited by the discovery filter's UUIDs as BlueZ does.</summary>
    private void HearAdvertisements()
    {
        string[]? uuids = DiscoveryFilter?.GetValueOrDefault("UUIDs") is object[] list ? list.OfType<string>().ToArray() : null;
        foreach (StandInDevice device in _options.Devices)
        {
            bool passes = uuids is null || uuids.Length == 0 || (device.Nus && uuids.Contains(NordicUart.ServiceUuid, StringComparer.OrdinalIgnoreCase));
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

    private DBusMessage DeviceMethod(DBusMessage call, string path)
    {
        StandInDevice device = _options.Devices.First(d => d.Path == path);
        Dictionary<string, object> properties = PropertiesOf(path, BlueZNames.Device);
        switch (call.Member)
        {
            case "Connect":
                if (_options.ConnectError is { } error)
                {
                    _connectAttempts.Writer.TryWrite(false);
                    throw new DBusErrorException(error, "Authentication Failed");
                }

                if (_outOfRange)
                {
                    _connectAttempts.Writer.TryWrite(false);
                    throw new DBusErrorException("org.bluez.Error.Failed", "le-connection-abort-by-local");
                }

                if (properties["Connected"] is true)
                {
                    throw new DBusErrorException("org.bluez.Error.AlreadyConnected", "Already Connected");
                }

                SetProperty(path, BlueZNames.Device, "Connected", true);
                ExportGattObjects(device);
                _connectAttempts.Writer.TryWrite(true);
                // BlueZ resolves services after Connect returns; the client must wait for the signal.
                _ = Task.Run(() =>
                {
                    lock (_lock)
                    {
                        if (_objects.ContainsKey(path) && properties["Connected"] is true)
                        {
                            SetProperty(path, BlueZNames.Device, "ServicesResolved", true);
                        }
                    }
                });
                return call.CreateReply();
            case "Disconnect":
                DisconnectCalls++;
                if (properties["Connected"] is true)
                {
                    Disconnect(device);
                }

                return call.CreateReply();
            default:
                throw new DBusErrorException("org.freedesktop.DBus.Error.UnknownMethod", $"Device1.{call.Member} is not in the stand-in");
        }
    }

    private void Disconnect(StandInDevice device)
    {
        SetProperty(device.Path, BlueZNames.Device, "ServicesResolved", false);
        Unexport(TxPath(device));
        Unexport(RxPath(device));
        Unexport(ServicePath(device));
        SetProperty(device.Path, BlueZNames.Device, "Connected", false);
        CloseNotifySocket();
        if (_notifying.Task.IsCompleted)
        {
            _notifying = new TaskCompletionSource<NotificationMode>(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    private DBusMessage CharacteristicMethod(DBusMessage call, string path)
    {
        Dictionary<string, object> characteristic = PropertiesOf(path, BlueZNames.GattCharacteristic);
        bool isTx = (string)characteristic["UUID"] == NordicUart.TxCharacteristicUuid;
        switch (call.Member)
        {
            case "AcquireNotify" when isTx:
                if (!_options.SupportsAcquireNotify)
                {
                    throw new DBusErrorException("org.bluez.Error.NotSupported", "Operation is not supported");
                }

                if (characteristic["NotifyAcquired"] is true || characteristic["Notifying"] is true)
                {
                    throw new DBusErrorException("org.bluez.Error.NotPermitted", "Notify acquired");
                }

                (int ours, int theirs) = UnixNative.CreateSocketPair(UnixNative.SockSeqPacket);
                _notifyPeer = new Socket(new SafeSocketHandle(ours, ownsHandle: true));
                _theirNotifyEnd = theirs;
                SetProperty(path, BlueZNames.GattCharacteristic, "NotifyAcquired", true);
                _notifying.TrySetResult(NotificationMode.AcquiredSocket);
                return call.CreateReply("hq", new DBusUnixFd(theirs), _options.Mtu);
            case "StartNotify" when isTx:
                if (characteristic["NotifyAcquired"] is true)
                {
                    throw new DBusErrorException("org.bluez.Error.NotPermitted", "Notify acquired");
                }

                SetProperty(path, BlueZNames.GattCharacteristic, "Notifying", true);
                _notifying.TrySetResult(NotificationMode.PropertiesChanged);
                return call.CreateReply();
            case "StopNotify" when isTx:
                SetProperty(path, BlueZNames.GattCharacteristic, "Notifying", false);
                return call.CreateReply();
            case "AcquireWrite" when !isTx:
                if (!_options.SupportsAcquireWrite)
                {
                    throw new DBusErrorException("org.bluez.Error.NotSupported", "Operation is not supported");
                }

                if (characteristic["WriteAcquired"] is true)
                {
                    throw new DBusErrorException("org.bluez.Error.NotPermitted", "Write acquired");
                }

                (int mine, int yours) = UnixNative.CreateSocketPair(UnixNative.SockSeqPacket);
                _writePeer = new Socket(new SafeSocketHandle(mine, ownsHandle: true));
                _theirWriteEnd = yours;
                SetProperty(path, BlueZNames.GattCharacteristic, "WriteAcquired", true);
                _ = ReadAcquiredWritesAsync(_writePeer);
                return call.CreateReply("hq", new DBusUnixFd(yours), _options.Mtu);
            case "WriteValue" when !isTx:
                var options = BlueZProperties.FromWire(call.Body[1]);
                _written.Writer.TryWrite(new RxWrite(call.Arg<byte[]>(0), options.GetString("type")));
                return call.CreateReply();
            case "ReadValue":
                return call.CreateReply("ay", (byte[])characteristic["Value"]);
            default:
                throw new DBusErrorException("org.bluez.Error.NotSupported", "Operation is not supported");
        }
    }
}
