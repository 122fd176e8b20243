
namespace Goldilocks.Tests.Data;

public sealed class Cifar10Tests
{
    [Test]
    public void Binary_batches_load_as_3x32x32_images_in_channel_row_column_order()
    {
        using var files = new DataFiles();
        files.WriteCifarTrain();
        File.WriteAllBytes(files.In(Cifar10.TestFile), DataFiles.CifarRecords(9, 0, 4));
        Cifar10.IsAvailable(files.Folder).Should().BeTrue();
        using var train = Cifar10.Load(files.Folder, standardize: false);
        train.Inputs.shape.Should().Equal(10, 3, 32, 32);
        using var scope = torch.NewDisposeScope();
        train.Targets.data<long>().ToArray().Should().Equal(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        // record 1 of data_batch_3.bin is sample 5 overall; its pixel (c=2, r=7, col=30) was written as Pixel(1, 2, 7, 30).
        train.Inputs[5, 2, 7, 30].item<double>().Should().Be(DataFiles.Pixel(1, 2, 7, 30) / 255.0);
        using var test = Cifar10.Load(files.Folder, train: false, flatten: true);
        test.Inputs.shape.Should().Equal(3, 3072);
        test.Targets.data<long>().ToArray().Should().Equal(9, 0, 4);
        test.Inputs.mean(new long[] { 0 }).abs().max().item<double>().Should().BeLessThan(1e-12, "standardised per pixel");
    }

    [Test]
    public void Truncated_batch_is_named()
    {
        using var files = new DataFiles();
        files.WriteCifarTrain(b => b == 4 ? DataFiles.CifarRecords(1, 2)[..^5] : DataFiles.CifarRecords(3));
        var act = () => Cifar10.Split(files.Folder);
        act.Should().Throw<InvalidDataException>().Which.Message.Should().Contain("data_batch_4.bin").And.Contain("6141 bytes").And.Contain("truncated");
    }

    [Test]
    public void Empty_batch_is_named()
    {
        using var files = new DataFiles();
        files.WriteCifarTrain(b => b == 2 ? Array.Empty<byte>() : DataFiles.CifarRecords(3));
        var act = () => Cifar10.Split(files.Folder);
        act.Should().Throw<InvalidDataException>().Which.Message.Should().Contain("data_batch_2.bin").And.Contain("empty");
    }

    [Test]
    public void Label_out_of_range_is_named_with_its_record()
    {
        using var files = new DataFiles();
        files.WriteCifarTrain(b => b == 5 ? DataFiles.CifarRecords(1, 10) : DataFiles.CifarRecords(3));
        var act = () => Cifar10.Split(files.Folder);
        act.Should().Throw<InvalidDataException>().Which.Message.Should().Contain("data_batch_5.bin").And.Contain("record 1 has label 10");
    }

    [Test]
    public void Missing_batch_lists_the_file_and_how_to_get_cifar10()
    {
        using var files = new DataFiles();
        files.WriteCifarTrain();
        File.Delete(files.In("data_batch_3.bin"));
        Cifar10.IsAvailable(files.Folder).Should().BeFalse();
        var act = () => Cifar10.Split(files.Folder);
        act.Should().Throw<FileNotFoundException>().Which.Message.Should().Contain("data_batch_3.bin").And.Contain("cifar-10-binary");
    }
}
